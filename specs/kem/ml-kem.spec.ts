/**
 * Encapsulate and Decapsulate with ML-KEM keys (FIPS 203): sizes, the round trip, implicit
 * rejection of a wrong ciphertext of the right length, the length refusal, and the usage and enum
 * refusals. Nothing about ML-KEM was ever recorded against AWS: each check rests on the API docs or
 * the model, or only observes (crypto ground truth §2.14, §2.15; CRY-108…CRY-116).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Encapsulate.html
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Decapsulate.html
 */
import { randomBytes } from 'node:crypto';
import { DecapsulateCommand, EncapsulateCommand, GetPublicKeyCommand, type EncapsulationAlgorithmSpec, type KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { createKeyOf, createKmsKey, ML_KEM, spkiKeyBits } from '#harness/kms/index.ts';
import { apiRef, BOTOCORE_MODEL, expectKmsError, expectRawError, requirement, type SpecContext } from '#harness/spec/index.ts';

const ENCAPSULATE = apiRef('Encapsulate');
const DECAPSULATE = apiRef('Decapsulate');
const SPECS = ['ML_KEM_512', 'ML_KEM_768', 'ML_KEM_1024'] as const;
type MlKemSpec = (typeof SPECS)[number];
/** SharedSecretCiphertextBlob length per spec, as the Encapsulate response docs give it. */
const CIPHERTEXT_BYTES: Record<MlKemSpec, number> = { ML_KEM_512: 768, ML_KEM_768: 1088, ML_KEM_1024: 1568 };

const kemKey = (kms: SpecContext, spec: MlKemSpec, label: string) => createKeyOf(kms.primary, spec, 'ENCAPSULATE_DECAPSULATE', { description: label });

const encapsulate = (client: KMSClient, keyId: string, algorithm: string = 'ML_KEM') =>
  client.send(new EncapsulateCommand({ KeyId: keyId, EncapsulationAlgorithm: algorithm as EncapsulationAlgorithmSpec }));

const decapsulate = (client: KMSClient, keyId: string, ciphertext: Uint8Array) =>
  client.send(new DecapsulateCommand({ KeyId: keyId, SharedSecretCiphertextBlob: ciphertext, EncapsulationAlgorithm: 'ML_KEM' }));

const hex = (b: Uint8Array | undefined) => Buffer.from(b ?? []).toString('hex');

requirement(
  {
    id: 'KEM-01',
    statement: 'Encapsulate with an ML_KEM_512, ML_KEM_768 or ML_KEM_1024 key answers a 32-byte SharedSecret, a SharedSecretCiphertextBlob of 768, 1088 or 1568 bytes, and EncapsulationAlgorithm ML_KEM',
    operation: 'Encapsulate',
    source: { url: ENCAPSULATE, section: 'Response Elements: SharedSecret, SharedSecretCiphertextBlob', groundTruth: 'CRY-108, CRY-109' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    for (const spec of SPECS) {
      const key = await kemKey(kms, spec, 'KEM-01');
      const out = await encapsulate(kms.primary, key.KeyId!);
      expect({ spec, secret: out.SharedSecret?.length, ciphertext: out.SharedSecretCiphertextBlob?.length, algorithm: out.EncapsulationAlgorithm }).toEqual({
        spec,
        secret: 32,
        ciphertext: CIPHERTEXT_BYTES[spec],
        algorithm: 'ML_KEM',
      });
      // The docs call KeyId only an identifier.
      kms.observe(`${spec} KeyId is the key ARN`, out.KeyId === key.Arn);
    }
  },
);

requirement(
  {
    id: 'KEM-02',
    statement: "Decapsulate of an Encapsulate ciphertext with the same key returns Encapsulate's 32-byte SharedSecret, for each ML-KEM spec",
    operation: 'Decapsulate',
    source: { url: DECAPSULATE, section: 'Description; Response Elements: SharedSecret', groundTruth: 'CRY-110' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    for (const spec of SPECS) {
      const key = await kemKey(kms, spec, 'KEM-02');
      const enc = await encapsulate(kms.primary, key.KeyId!);
      const dec = await decapsulate(kms.primary, key.KeyId!, enc.SharedSecretCiphertextBlob!);
      expect({ spec, secret: hex(dec.SharedSecret), algorithm: dec.EncapsulationAlgorithm }).toEqual({ spec, secret: hex(enc.SharedSecret), algorithm: 'ML_KEM' });
    }
  },
);

requirement(
  {
    id: 'KEM-03',
    statement: 'Decapsulate of a ciphertext whose length does not fit the key spec (one byte short or long) answers InvalidCiphertextException (HTTP 400)',
    operation: 'Decapsulate',
    source: { url: DECAPSULATE, section: 'Errors: InvalidCiphertextException', groundTruth: 'CRY-111' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await kemKey(kms, 'ML_KEM_768', 'KEM-03');
    const ciphertext = Buffer.from((await encapsulate(kms.primary, key.KeyId!)).SharedSecretCiphertextBlob!);
    for (const [label, bad] of [['short', ciphertext.subarray(1)], ['long', Buffer.concat([ciphertext, Buffer.from([0])])]] as const) {
      // Raw, so the text observed is the one sent (the SDK substitutes a placeholder for an empty one).
      const body = { KeyId: key.KeyId, SharedSecretCiphertextBlob: bad.toString('base64'), EncapsulationAlgorithm: 'ML_KEM' };
      const e = expectRawError(await kms.raw().send({ operation: 'Decapsulate', body }), 'InvalidCiphertextException', 400);
      kms.observe(`${label} message`, e.message ?? '(none)');
    }
  },
);

requirement(
  {
    id: 'KEM-04',
    statement: 'Decapsulate of a right-length ciphertext that was altered, or made for another ML-KEM key, succeeds with a 32-byte secret other than the true one (implicit rejection)',
    operation: 'Decapsulate',
    source: { url: DECAPSULATE, section: 'Description (implicit rejection); Errors: InvalidCiphertextException', groundTruth: 'CRY-112' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await kemKey(kms, 'ML_KEM_768', 'KEM-04');
    const enc = await encapsulate(kms.primary, key.KeyId!);
    const altered = Buffer.from(enc.SharedSecretCiphertextBlob!);
    altered[altered.length >> 1]! ^= 0x01;
    // Another key: a local ML-KEM-768 key pair, encapsulated to offline.
    const other = ML_KEM.ML_KEM_768.encapsulate(ML_KEM.ML_KEM_768.keygen().publicKey);
    for (const [label, ciphertext, trueSecret] of [['altered', altered, enc.SharedSecret!], ['another key', other.cipherText, other.sharedSecret]] as const) {
      const dec = await decapsulate(kms.primary, key.KeyId!, ciphertext);
      expect(dec.SharedSecret?.length, `${label}: secret bytes`).toBe(32);
      expect(hex(dec.SharedSecret), `${label}: not the true secret`).not.toBe(hex(trueSecret));
    }
  },
);

requirement(
  {
    id: 'KEM-05',
    statement: "Whether a ciphertext made offline (FIPS 203 encapsulation to GetPublicKey's key) decapsulates in KMS to the offline secret is not recorded; the target's result is",
    operation: 'Decapsulate',
    source: { url: ENCAPSULATE, section: 'Description (Encapsulate uses the public key of the KMS key)', groundTruth: 'CRY-113' },
    evidence: 'inferred',
    strength: 'observe',
  },
  async (kms) => {
    const key = await kemKey(kms, 'ML_KEM_768', 'KEM-05');
    const { PublicKey } = await kms.primary.send(new GetPublicKeyCommand({ KeyId: key.KeyId }));
    const bits = spkiKeyBits(PublicKey!);
    if (!bits || bits.key.length !== ML_KEM.ML_KEM_768.lengths.publicKey) {
      kms.observe('public key', { usable: false, spkiBytes: PublicKey?.length ?? 0, oid: bits?.oid ?? null });
      return;
    }
    const offline = ML_KEM.ML_KEM_768.encapsulate(bits.key);
    const dec = await decapsulate(kms.primary, key.KeyId!, offline.cipherText);
    kms.observe('decapsulates to the offline secret', hex(dec.SharedSecret) === hex(offline.sharedSecret));
  },
);

/** Encapsulate or Decapsulate with a symmetric encryption key. */
async function withSymmetricKey(kms: SpecContext, op: 'Encapsulate' | 'Decapsulate') {
  const key = await createKmsKey(kms.primary, `KEM ${op} wrong usage`);
  const call = op === 'Encapsulate' ? encapsulate(kms.primary, key.KeyId!) : decapsulate(kms.primary, key.KeyId!, randomBytes(CIPHERTEXT_BYTES.ML_KEM_768));
  const e = await expectKmsError(call, 'InvalidKeyUsageException', 400);
  // The form AWS records for other operations; for these two it is only inferred.
  kms.observe('message', e.message ?? null);
  kms.observe('matches the recorded form', e.message === `${key.Arn} key usage is ENCRYPT_DECRYPT which is not valid for ${op}.`);
}

for (const [id, op, url] of [['KEM-06', 'Encapsulate', ENCAPSULATE], ['KEM-07', 'Decapsulate', DECAPSULATE]] as const) {
  requirement(
    {
      id,
      statement: `${op} with a key whose usage is not ENCAPSULATE_DECAPSULATE (a symmetric encryption key) answers InvalidKeyUsageException (HTTP 400)`,
      operation: op,
      source: { url, section: 'Errors: InvalidKeyUsageException', groundTruth: 'CRY-114' },
      evidence: 'documented',
      strength: 'must',
    },
    (kms) => withSymmetricKey(kms, op),
  );
}

requirement(
  {
    id: 'KEM-08',
    statement: 'Encapsulate with an EncapsulationAlgorithm outside the enum [ML_KEM] answers ValidationException (HTTP 400)',
    operation: 'Encapsulate',
    source: { url: BOTOCORE_MODEL, section: 'EncapsulationAlgorithmSpec', groundTruth: 'CRY-115' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await kemKey(kms, 'ML_KEM_512', 'KEM-08');
    const e = await expectKmsError(encapsulate(kms.primary, key.KeyId!, 'INVALID'), 'ValidationException', 400);
    // The text follows the recorded enum form of other members only by analogy.
    kms.observe('message', e.message ?? null);
    kms.observe('matches the enum form', e.message === "1 validation error detected: Value 'INVALID' at 'encapsulationAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [ML_KEM]");
  },
);
