/**
 * Members shared by the cryptographic operations: DryRun on each of the 14 operations that model
 * it, DryRunModifiers, GrantTokens and Recipient (crypto ground truth §2.0, §2.17, §5.9;
 * CRY-046, CRY-117…CRY-122). Each dry run is a request that would succeed, which the check confirms
 * by sending it again without DryRun after the dry run was refused.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/testing-permissions.html
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { EncapsulateCommand, EncryptCommand, GenerateMacCommand, SignCommand } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { rawAnswer } from '#harness/clients/raw-client.ts';
import { createKeyOf, createKmsKey } from '#harness/kms/index.ts';
import {
  apiRef,
  BOTOCORE_MODEL,
  DEV_GUIDE,
  expectKmsError,
  expectRawError,
  recorded,
  requirement,
  type EvidenceLevel,
  type RequirementSource,
  type SpecContext,
} from '#harness/spec/index.ts';

const DRY_RUN_TEXT = 'The request would have succeeded, but the DryRun option is set.';
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
/** Members an error body may have: the code and the text. */
const ERROR_MEMBERS = new Set(['__type', 'message', 'Message']);

type Body = Record<string, unknown>;

const symmetricKey = async (kms: SpecContext, label: string) => (await createKmsKey(kms.primary, label)).KeyId!;
const signingKey = async (kms: SpecContext, label: string) => (await createKeyOf(kms.primary, 'ECC_NIST_P256', 'SIGN_VERIFY', { description: label })).KeyId!;
const hmacKey = async (kms: SpecContext, label: string) => (await createKeyOf(kms.primary, 'HMAC_256', 'GENERATE_VERIFY_MAC', { description: label })).KeyId!;
const kemKey = async (kms: SpecContext, label: string) => (await createKeyOf(kms.primary, 'ML_KEM_512', 'ENCAPSULATE_DECAPSULATE', { description: label })).KeyId!;

const MESSAGE = Buffer.from('kms-conformance dry run');

async function ciphertextUnder(kms: SpecContext, keyId: string): Promise<string> {
  return b64((await kms.primary.send(new EncryptCommand({ KeyId: keyId, Plaintext: MESSAGE }))).CiphertextBlob!);
}

interface DryRunCase {
  id: string;
  op: string;
  evidence: EvidenceLevel;
  source: RequirementSource;
  /** Creates what the request needs and returns its body (without DryRun): a request that succeeds. */
  request: (kms: SpecContext, label: string) => Promise<Body>;
}

const documented = (op: string): RequirementSource => ({ url: apiRef(op), section: 'Request Parameters: DryRun; Errors: DryRunOperationException', groundTruth: 'CRY-117, CRY-118' });

const CASES: DryRunCase[] = [
  { id: 'DRY-01', op: 'Encrypt', evidence: 'documented', source: documented('Encrypt'), request: async (kms, l) => ({ KeyId: await symmetricKey(kms, l), Plaintext: b64(MESSAGE) }) },
  {
    id: 'DRY-02',
    op: 'Decrypt',
    evidence: 'documented',
    source: documented('Decrypt'),
    request: async (kms, l) => ({ CiphertextBlob: await ciphertextUnder(kms, await symmetricKey(kms, l)) }),
  },
  {
    id: 'DRY-03',
    op: 'ReEncrypt',
    evidence: 'documented',
    source: documented('ReEncrypt'),
    request: async (kms, l) => {
      const keyId = await symmetricKey(kms, l);
      return { CiphertextBlob: await ciphertextUnder(kms, keyId), DestinationKeyId: keyId };
    },
  },
  { id: 'DRY-04', op: 'GenerateDataKey', evidence: 'documented', source: documented('GenerateDataKey'), request: async (kms, l) => ({ KeyId: await symmetricKey(kms, l), KeySpec: 'AES_256' }) },
  {
    id: 'DRY-05',
    op: 'GenerateDataKeyWithoutPlaintext',
    evidence: 'documented',
    source: documented('GenerateDataKeyWithoutPlaintext'),
    request: async (kms, l) => ({ KeyId: await symmetricKey(kms, l), KeySpec: 'AES_256' }),
  },
  {
    id: 'DRY-06',
    op: 'GenerateDataKeyPair',
    evidence: 'recorded',
    source: recorded('TestKMSGenerateKeys::test_generate_data_key_pair_dry_run', 'dryrun_exception', 'recorded 2025-04-06', 'CRY-117'),
    request: async (kms, l) => ({ KeyId: await symmetricKey(kms, l), KeyPairSpec: 'ECC_NIST_P256' }),
  },
  {
    id: 'DRY-07',
    op: 'GenerateDataKeyPairWithoutPlaintext',
    evidence: 'recorded',
    source: recorded('TestKMSGenerateKeys::test_generate_data_key_pair_without_plaintext_dry_run', 'dryrun_exception', 'recorded 2025-04-07, validated 2025-04-13', 'CRY-117'),
    request: async (kms, l) => ({ KeyId: await symmetricKey(kms, l), KeyPairSpec: 'ECC_NIST_P256' }),
  },
  {
    id: 'DRY-08',
    op: 'Sign',
    evidence: 'documented',
    source: documented('Sign'),
    request: async (kms, l) => ({ KeyId: await signingKey(kms, l), Message: b64(MESSAGE), MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }),
  },
  {
    id: 'DRY-09',
    op: 'Verify',
    evidence: 'documented',
    source: documented('Verify'),
    request: async (kms, l) => {
      const keyId = await signingKey(kms, l);
      const { Signature } = await kms.primary.send(new SignCommand({ KeyId: keyId, Message: MESSAGE, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }));
      return { KeyId: keyId, Message: b64(MESSAGE), MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256', Signature: b64(Signature!) };
    },
  },
  {
    id: 'DRY-10',
    op: 'GenerateMac',
    evidence: 'documented',
    source: documented('GenerateMac'),
    request: async (kms, l) => ({ KeyId: await hmacKey(kms, l), Message: b64(MESSAGE), MacAlgorithm: 'HMAC_SHA_256' }),
  },
  {
    id: 'DRY-11',
    op: 'VerifyMac',
    evidence: 'documented',
    source: documented('VerifyMac'),
    request: async (kms, l) => {
      const keyId = await hmacKey(kms, l);
      const { Mac } = await kms.primary.send(new GenerateMacCommand({ KeyId: keyId, Message: MESSAGE, MacAlgorithm: 'HMAC_SHA_256' }));
      return { KeyId: keyId, Message: b64(MESSAGE), MacAlgorithm: 'HMAC_SHA_256', Mac: b64(Mac!) };
    },
  },
  {
    id: 'DRY-12',
    op: 'DeriveSharedSecret',
    evidence: 'documented',
    source: documented('DeriveSharedSecret'),
    request: async (kms, l) => {
      const key = await createKeyOf(kms.primary, 'ECC_NIST_P256', 'KEY_AGREEMENT', { description: l });
      const peer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'der' });
      return { KeyId: key.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: b64(peer) };
    },
  },
  { id: 'DRY-13', op: 'Encapsulate', evidence: 'documented', source: documented('Encapsulate'), request: async (kms, l) => ({ KeyId: await kemKey(kms, l), EncapsulationAlgorithm: 'ML_KEM' }) },
  {
    id: 'DRY-14',
    op: 'Decapsulate',
    evidence: 'documented',
    source: documented('Decapsulate'),
    request: async (kms, l) => {
      const keyId = await kemKey(kms, l);
      const { SharedSecretCiphertextBlob } = await kms.primary.send(new EncapsulateCommand({ KeyId: keyId, EncapsulationAlgorithm: 'ML_KEM' }));
      return { KeyId: keyId, SharedSecretCiphertextBlob: b64(SharedSecretCiphertextBlob!), EncapsulationAlgorithm: 'ML_KEM' };
    },
  },
];

for (const c of CASES) {
  requirement(
    {
      id: c.id,
      statement: `${c.op} that would succeed, sent with DryRun=true, answers DryRunOperationException (HTTP 400) and none of the operation's results`,
      operation: c.op,
      source: c.source,
      evidence: c.evidence,
      strength: 'must',
    },
    async (kms) => {
      const body = await c.request(kms, c.id);
      const dry = await kms.raw().send({ operation: c.op, body: { ...body, DryRun: true } });
      const e = expectRawError(dry, 'DryRunOperationException', 400);
      expect(Object.keys(dry.json ?? {}).filter((k) => !ERROR_MEMBERS.has(k)), 'result members in the dry-run answer').toEqual([]);
      // AWS's text is recorded for the two GenerateDataKeyPair operations only (DRY-15).
      kms.observe('message', e.message ?? null);
      const real = await kms.raw().send({ operation: c.op, body });
      expect(real.status, `set-up: the same request without DryRun succeeds: ${JSON.stringify(rawAnswer(real))}`).toBe(200);
    },
  );
}

requirement(
  {
    id: 'DRY-15',
    statement: `A dry run of GenerateDataKeyPair or GenerateDataKeyPairWithoutPlaintext reads "${DRY_RUN_TEXT}"`,
    operation: 'GenerateDataKeyPair',
    source: recorded('TestKMSGenerateKeys::test_generate_data_key_pair_dry_run', 'dryrun_exception', 'recorded 2025-04-06; the same text in …_without_plaintext_dry_run, recorded 2025-04-07', 'CRY-117'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const keyId = await symmetricKey(kms, 'DRY-15');
    for (const op of ['GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext']) {
      const e = expectRawError(await kms.raw().send({ operation: op, body: { KeyId: keyId, KeyPairSpec: 'ECC_NIST_P256', DryRun: true } }), 'DryRunOperationException');
      expect({ op, message: e.message }).toEqual({ op, message: DRY_RUN_TEXT });
    }
  },
);

requirement(
  {
    id: 'DRY-16',
    statement: "AWS's answer to a Decrypt dry run with DryRunModifiers [IGNORE_CIPHERTEXT], a KeyId and no CiphertextBlob was never recorded; the target's answer is",
    operation: 'Decrypt',
    source: { url: apiRef('Decrypt'), section: 'Request Parameters: CiphertextBlob, DryRunModifiers', groundTruth: 'CRY-046, CRY-119' },
    evidence: 'inferred',
    strength: 'observe',
  },
  async (kms) => {
    const keyId = await symmetricKey(kms, 'DRY-16');
    const res = await kms.raw().send({ operation: 'Decrypt', body: { KeyId: keyId, DryRun: true, DryRunModifiers: ['IGNORE_CIPHERTEXT'] } });
    kms.observe('answer', rawAnswer(res));
    kms.observe('is DryRunOperationException', res.errorCode === 'DryRunOperationException');
  },
);

requirement(
  {
    id: 'DRY-17',
    statement: "AWS's answer to an Encrypt carrying a well-formed grant token that names no grant is not known; the target's answer is recorded",
    operation: 'Encrypt',
    source: { url: apiRef('Encrypt'), section: 'Request Parameters: GrantTokens; Errors: InvalidGrantTokenException', groundTruth: 'CRY-120' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    const keyId = await symmetricKey(kms, 'DRY-17');
    const res = await kms.raw().send({ operation: 'Encrypt', body: { KeyId: keyId, Plaintext: b64(MESSAGE), GrantTokens: [randomBytes(96).toString('base64')] } });
    kms.observe('answer', rawAnswer(res));
  },
);

requirement(
  {
    id: 'DRY-18',
    statement: 'An Encrypt with 11 grant tokens, one more than GrantTokenList allows, answers ValidationException (HTTP 400)',
    operation: 'Encrypt',
    source: { url: BOTOCORE_MODEL, section: 'GrantTokenList (max 10 members)', groundTruth: 'CRY-120' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const keyId = await symmetricKey(kms, 'DRY-18');
    const tokens = Array.from({ length: 11 }, () => randomBytes(18).toString('base64'));
    const e = await expectKmsError(kms.primary.send(new EncryptCommand({ KeyId: keyId, Plaintext: MESSAGE, GrantTokens: tokens })), 'ValidationException', 400);
    kms.observe('message', e.message ?? null);
  },
);

requirement(
  {
    id: 'DRY-19',
    statement: 'A Recipient whose KeyEncryptionAlgorithm is not RSAES_OAEP_SHA_256 (RSAES_OAEP_SHA_1) answers ValidationException (HTTP 400)',
    operation: 'GenerateRandom',
    source: { url: BOTOCORE_MODEL, section: 'RecipientInfo.KeyEncryptionAlgorithm (KeyEncryptionMechanism: RSAES_OAEP_SHA_256)', groundTruth: 'CRY-122' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const body = { NumberOfBytes: 32, Recipient: { KeyEncryptionAlgorithm: 'RSAES_OAEP_SHA_1', AttestationDocument: b64(randomBytes(256)) } };
    const e = expectRawError(await kms.raw().send({ operation: 'GenerateRandom', body }), 'ValidationException', 400);
    kms.observe('message', e.message ?? null);
    kms.observe(
      'matches the enum form',
      e.message === "1 validation error detected: Value 'RSAES_OAEP_SHA_1' at 'recipient.keyEncryptionAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [RSAES_OAEP_SHA_256]",
    );
  },
);

requirement(
  {
    id: 'DRY-20',
    statement: "AWS's answer to a Recipient with a made-up attestation document is not known; the target's answer, and whether it returned plaintext, are recorded",
    operation: 'GenerateRandom',
    source: { url: `${DEV_GUIDE}/services-nitro-enclaves.html`, section: 'Recipient: attestation documents signed by the Nitro hypervisor', groundTruth: 'CRY-121' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    const body = { NumberOfBytes: 32, Recipient: { KeyEncryptionAlgorithm: 'RSAES_OAEP_SHA_256', AttestationDocument: b64(randomBytes(256)) } };
    const res = await kms.raw().send({ operation: 'GenerateRandom', body });
    kms.observe('answer', { ...rawAnswer(res), members: Object.keys(res.json ?? {}).sort() });
    kms.observe('returned Plaintext', typeof res.json?.Plaintext === 'string' && res.json.Plaintext !== '');
  },
);
