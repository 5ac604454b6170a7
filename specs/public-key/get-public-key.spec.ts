/**
 * GetPublicKey: the DER SubjectPublicKeyInfo of an asymmetric key, checked with local tools
 * (node:crypto, NIST's OIDs), the spec, usage and algorithm list it reports, and the refusal for
 * keys that have no public half (crypto ground truth §1.2, §1.3, §2.12; CRY-096…CRY-099, CRY-081, CRY-116).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetPublicKey.html
 */
import { GetPublicKeyCommand, type GetPublicKeyCommandOutput, type KeySpec, type KeyUsageType, type KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import {
  ALGORITHM_FIELDS,
  createKeyOf,
  createKmsKey,
  CURVE_OF,
  importKeyMaterial,
  ML_KEM,
  nodePublicKey,
  PQ_OID,
  privateKeyMaterial,
  spkiKeyBits,
  VALID_SPEC_USAGES,
} from '#harness/kms/index.ts';
import { apiRef, expectClientError, recorded, requirement } from '#harness/spec/index.ts';

const OP = 'GetPublicKey';
const API = apiRef(OP);
const docs = (section: string, groundTruth: string) => ({ url: API, section, groundTruth });

const getPublicKey = (client: KMSClient, keyId: string) => client.send(new GetPublicKeyCommand({ KeyId: keyId }));

/** A fresh key of `spec`/`usage` and GetPublicKey's answer for it. */
async function publicKeyOf(client: KMSClient, spec: KeySpec, usage: KeyUsageType, label: string) {
  const md = await createKeyOf(client, spec, usage, { description: label });
  return { md, out: await getPublicKey(client, md.KeyId!) };
}

/** The algorithm list AWS reports for a spec and usage (suite table, ground truth §1.2). */
const listOf = (spec: KeySpec, usage: KeyUsageType) => {
  const p = VALID_SPEC_USAGES.find((x) => x.spec === spec && x.usage === usage);
  if (!p) throw new Error(`${spec}/${usage} is not a valid pair`);
  return p;
};

/** The algorithm lists of an answer, by member name. */
const listsOf = (out: GetPublicKeyCommandOutput) => out as unknown as Partial<Record<(typeof ALGORITHM_FIELDS)[number], string[]>>;
/** The algorithm-list members of an answer that are present. */
const listsIn = (out: GetPublicKeyCommandOutput) => ALGORITHM_FIELDS.filter((f) => listsOf(out)[f] !== undefined);

requirement(
  {
    id: 'PUB-01',
    statement: "GetPublicKey answers the key ARN as KeyId, whichever identifier named the key, and the key's own KeySpec and KeyUsage",
    operation: OP,
    source: recorded('TestKMS::test_get_public_key', undefined, 'validated 2024-04-11', 'CRY-096'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const md = await createKeyOf(kms.primary, 'RSA_2048', 'ENCRYPT_DECRYPT', { description: 'PUB-01' });
    for (const id of [md.KeyId!, md.Arn!]) {
      const out = await getPublicKey(kms.primary, id);
      expect({ named: id, KeyId: out.KeyId, KeySpec: out.KeySpec, KeyUsage: out.KeyUsage }).toEqual({ named: id, KeyId: md.Arn, KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });
    }
  },
);

requirement(
  {
    id: 'PUB-02',
    statement: 'The PublicKey of RSA and ECC keys is a DER SubjectPublicKeyInfo that node:crypto loads as a key of the same type, modulus size or curve',
    operation: OP,
    source: docs('Response Elements: PublicKey (DER-encoded X.509 SubjectPublicKeyInfo, RFC 5280)', 'CRY-096'),
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const cases: [KeySpec, KeyUsageType][] = [
      ['RSA_2048', 'SIGN_VERIFY'],
      ['RSA_4096', 'ENCRYPT_DECRYPT'],
      ['ECC_NIST_P256', 'KEY_AGREEMENT'],
      ['ECC_NIST_P384', 'SIGN_VERIFY'],
      ['ECC_NIST_P521', 'SIGN_VERIFY'],
      ['ECC_SECG_P256K1', 'SIGN_VERIFY'],
    ];
    for (const [spec, usage] of cases) {
      const { out } = await publicKeyOf(kms.primary, spec, usage, 'PUB-02');
      const key = nodePublicKey(out.PublicKey!);
      expect(key, `${spec}: PublicKey loads as DER SPKI`).toBeDefined();
      const curve = CURVE_OF[spec];
      const want = curve ? { type: 'ec', namedCurve: curve } : { type: 'rsa', modulusLength: Number(spec.slice(4)) };
      const details = key!.asymmetricKeyDetails ?? {};
      const got = curve ? { type: key!.asymmetricKeyType, namedCurve: details.namedCurve } : { type: key!.asymmetricKeyType, modulusLength: details.modulusLength };
      expect({ spec, ...got }).toEqual({ spec, ...want });
      // Named-curve OID and uncompressed point (RSA: rsaEncryption with NULL) are what node writes: inferred from CRY-098.
      kms.observe(`${spec} is node's canonical SPKI`, Buffer.from(key!.export({ type: 'spki', format: 'der' })).equals(Buffer.from(out.PublicKey!)));
    }
  },
);

requirement(
  {
    id: 'PUB-03',
    statement: 'The PublicKey of an ECC_NIST_EDWARDS25519 key is the 44-byte SPKI with OID 1.3.101.112 and a 32-byte key, loadable as an Ed25519 key',
    operation: OP,
    source: { url: 'https://github.com/floci-io/floci/issues/2924', section: 'GetPublicKey of an ECC_NIST_EDWARDS25519 key (measured against AWS, 2026-09-02)', groundTruth: 'CRY-081' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const { out } = await publicKeyOf(kms.primary, 'ECC_NIST_EDWARDS25519', 'SIGN_VERIFY', 'PUB-03');
    const der = Buffer.from(out.PublicKey!);
    const bits = spkiKeyBits(der);
    expect({ length: der.length, oid: bits?.oid, keyBytes: bits?.key.length }).toEqual({ length: 44, oid: '1.3.101.112', keyBytes: 32 });
    expect(nodePublicKey(der)?.asymmetricKeyType).toBe('ed25519');
  },
);

requirement(
  {
    id: 'PUB-04',
    statement: "The PublicKey of an ML_DSA_44 key is a 1334-byte SPKI carrying NIST's ML-DSA-44 OID and the 1312-byte FIPS 204 public key",
    operation: OP,
    source: { url: 'https://github.com/floci-io/floci/issues/3025', section: 'GetPublicKey of an ML_DSA_44 key (measured against AWS, 2026-09-03)', groundTruth: 'CRY-081' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const { out } = await publicKeyOf(kms.primary, 'ML_DSA_44', 'SIGN_VERIFY', 'PUB-04');
    const der = Buffer.from(out.PublicKey!);
    const bits = spkiKeyBits(der);
    expect({ length: der.length, oid: bits?.oid, keyBytes: bits?.key.length }).toEqual({ length: 1334, oid: PQ_OID.ML_DSA_44, keyBytes: 1312 });
  },
);

requirement(
  {
    id: 'PUB-05',
    statement: 'GetPublicKey of an ML_KEM_768 key reports KeySpec ML_KEM_768, KeyUsage ENCAPSULATE_DECAPSULATE, EncapsulationAlgorithms [ML_KEM] and no other algorithm list',
    operation: OP,
    source: docs('Response Elements: KeyUsage, EncapsulationAlgorithms', 'CRY-116'),
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { md, out } = await publicKeyOf(kms.primary, 'ML_KEM_768', 'ENCAPSULATE_DECAPSULATE', 'PUB-05');
    expect({ KeyId: out.KeyId, KeySpec: out.KeySpec, KeyUsage: out.KeyUsage, EncapsulationAlgorithms: out.EncapsulationAlgorithms }).toEqual({
      KeyId: md.Arn,
      KeySpec: 'ML_KEM_768',
      KeyUsage: 'ENCAPSULATE_DECAPSULATE',
      EncapsulationAlgorithms: ['ML_KEM'],
    });
    expect(listsIn(out)).toEqual(['EncapsulationAlgorithms']);
    kms.observe('CustomerMasterKeySpec', out.CustomerMasterKeySpec ?? '(absent)');
  },
);

requirement(
  {
    id: 'PUB-06',
    statement: "How AWS encodes an ML-KEM public key is not known; the target's SPKI length, OID and key length are recorded per spec, with whether they are NIST's",
    operation: OP,
    source: docs('Response Elements: PublicKey', 'CRY-116'),
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    for (const spec of ['ML_KEM_512', 'ML_KEM_768', 'ML_KEM_1024'] as const) {
      const { out } = await publicKeyOf(kms.primary, spec, 'ENCAPSULATE_DECAPSULATE', 'PUB-06');
      const der = Buffer.from(out.PublicKey!);
      const bits = spkiKeyBits(der);
      kms.observe(spec, {
        length: der.length,
        oid: bits?.oid ?? '(not an SPKI without parameters)',
        keyBytes: bits?.key.length ?? null,
        nistOid: bits?.oid === PQ_OID[spec],
        fips203KeyLength: bits?.key.length === ML_KEM[spec].lengths.publicKey,
      });
    }
  },
);

requirement(
  {
    id: 'PUB-07',
    statement: "GetPublicKey lists only the algorithms of the key's usage, as DescribeKey does, and reports CustomerMasterKeySpec equal to KeySpec",
    operation: OP,
    source: docs('Response Elements: CustomerMasterKeySpec, EncryptionAlgorithms, SigningAlgorithms, KeyAgreementAlgorithms', 'CRY-097'),
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const cases: [KeySpec, KeyUsageType][] = [
      ['RSA_2048', 'ENCRYPT_DECRYPT'],
      ['RSA_2048', 'SIGN_VERIFY'],
      ['ECC_NIST_P384', 'SIGN_VERIFY'],
      ['ECC_NIST_P256', 'KEY_AGREEMENT'],
    ];
    for (const [spec, usage] of cases) {
      const { field, algorithms } = listOf(spec, usage);
      const { md, out } = await publicKeyOf(kms.primary, spec, usage, 'PUB-07');
      const label = `${spec}/${usage}`;
      expect(listsIn(out), `${label}: algorithm lists present`).toEqual([field]);
      expect([...(listsOf(out)[field] ?? [])].sort(), `${label}: ${field}`).toEqual([...algorithms].sort());
      if (md[field] !== undefined) expect(listsOf(out)[field], `${label}: same list as DescribeKey`).toEqual(md[field]);
      expect(out.CustomerMasterKeySpec, `${label}: CustomerMasterKeySpec`).toBe(spec);
    }
  },
);

requirement(
  {
    id: 'PUB-08',
    statement: 'GetPublicKey of a symmetric encryption key or an HMAC key is refused with UnsupportedOperationException or InvalidKeyUsageException (HTTP 400)',
    operation: OP,
    source: docs('Errors: UnsupportedOperationException, InvalidKeyUsageException', 'CRY-099'),
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const symmetric = await createKmsKey(kms.primary, 'PUB-08 symmetric');
    const hmac = await createKeyOf(kms.primary, 'HMAC_256', 'GENERATE_VERIFY_MAC', { description: 'PUB-08 HMAC' });
    for (const [label, md] of [['SYMMETRIC_DEFAULT', symmetric], ['HMAC_256', hmac]] as const) {
      const e = await expectClientError(getPublicKey(kms.primary, md.KeyId!), { codes: ['UnsupportedOperationException', 'InvalidKeyUsageException'], status: 400 });
      // Which of the two AWS answers, and with what text, is not known.
      kms.observe(label, { code: e.code, message: e.message });
    }
  },
);

requirement(
  {
    id: 'PUB-09',
    statement: 'For an ECC key with imported material, GetPublicKey returns exactly the SPKI derived locally from the imported private key',
    operation: OP,
    source: recorded('TestKMS::test_import_key_asymmetric', undefined, 'validated 2025-11-10', 'CRY-098'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    // Wrapping combinations AWS was recorded accepting for these curves (ground truth §3.2).
    for (const [spec, algorithm] of [['ECC_NIST_P256', 'RSAES_OAEP_SHA_256'], ['ECC_NIST_P384', 'RSAES_OAEP_SHA_1']] as const) {
      const key = await createKeyOf(kms.primary, spec, 'SIGN_VERIFY', { origin: 'EXTERNAL', description: 'PUB-09' });
      const { material, publicKeyDer } = await privateKeyMaterial(spec);
      await importKeyMaterial(kms.primary, key.KeyId!, material, { algorithm, spec: 'RSA_2048' });
      const out = await getPublicKey(kms.primary, key.KeyId!);
      expect(Buffer.from(out.PublicKey!).toString('hex'), spec).toBe(publicKeyDer.toString('hex'));
    }
  },
);
