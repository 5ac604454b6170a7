/**
 * GenerateMac and VerifyMac with HMAC keys: the recorded answers for all four HMAC key specs, the
 * MAC a key makes is accepted by VerifyMac and a changed one is not (the key never leaves KMS, so
 * nothing is recomputed locally here; imported keys are checked against RFC 2104 in
 * specs/import), and the refusals for a wrong algorithm, key usage or key id (crypto ground truth
 * §2.11, requirements CRY-088…CRY-095).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateMac.html
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_VerifyMac.html
 */
import { randomBytes } from 'node:crypto';
import { GenerateMacCommand, VerifyMacCommand, type KeySpec, type KMSClient, type MacAlgorithmSpec } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { createKeyOf, createKmsKey } from '#harness/kms/index.ts';
import { apiRef, expectKmsError, expectRawError, members, recorded, requirement, type RequirementSource, type SpecContext } from '#harness/spec/index.ts';

const GENERATE_MAC = apiRef('GenerateMac');
const VALIDATED = 'validated 2024-04-11';

const roundTrip = (n: string, entry: string, groundTruth: string): RequirementSource =>
  recorded(`TestKMS::test_generate_and_verify_mac[HMAC_${n}-HMAC_SHA_${n}]`, entry, `recorded 2023-11-07, ${VALIDATED}`, groundTruth);
const invalidGenerate = (params: string, groundTruth: string): RequirementSource =>
  recorded(`TestKMS::test_invalid_generate_mac[${params}]`, 'generate-mac', `recorded 2023-04-13, ${VALIDATED}`, groundTruth);
const invalidVerify = (params: string, groundTruth: string): RequirementSource =>
  recorded(`TestKMS::test_invalid_verify_mac[${params}]`, 'verify-mac', `recorded 2023-04-13, ${VALIDATED}`, groundTruth);

/** The HMAC key specs, their one algorithm and the length of its output (the hash length). */
const HMAC_SPECS = [
  { spec: 'HMAC_224', algorithm: 'HMAC_SHA_224', bytes: 28 },
  { spec: 'HMAC_256', algorithm: 'HMAC_SHA_256', bytes: 32 },
  { spec: 'HMAC_384', algorithm: 'HMAC_SHA_384', bytes: 48 },
  { spec: 'HMAC_512', algorithm: 'HMAC_SHA_512', bytes: 64 },
] as const;

const MESSAGE = Buffer.from('some important message');
/** The algorithms of the MacAlgorithmSpec enum, as AWS listed them in its validation message. */
const MAC_ALGORITHMS = ['HMAC_SHA_224', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'];

const hmacKey = (kms: SpecContext, spec: KeySpec, label: string) => createKeyOf(kms.primary, spec, 'GENERATE_VERIFY_MAC', { description: label });

const generateMac = (client: KMSClient, keyId: string, algorithm: string, message: Uint8Array = MESSAGE) =>
  client.send(new GenerateMacCommand({ KeyId: keyId, Message: message, MacAlgorithm: algorithm as MacAlgorithmSpec }));

const verifyMac = (client: KMSClient, keyId: string, algorithm: string, mac: Uint8Array, message: Uint8Array = MESSAGE) =>
  client.send(new VerifyMacCommand({ KeyId: keyId, Message: message, Mac: mac, MacAlgorithm: algorithm as MacAlgorithmSpec }));

/** The Mac bytes of a GenerateMac call (fails the check when there are none). */
async function macOf(client: KMSClient, keyId: string, algorithm: string, message: Uint8Array = MESSAGE): Promise<Uint8Array> {
  const { Mac } = await generateMac(client, keyId, algorithm, message);
  expect(Mac?.length, `${algorithm}: GenerateMac returned a Mac`).toBeGreaterThan(0);
  return Mac!;
}

/** The SDK output's members, without the SDK's own $metadata. */

requirement(
  {
    id: 'MAC-01',
    statement: 'For each HMAC key spec, GenerateMac answers KeyId (the key ARN), Mac and the requested MacAlgorithm, and VerifyMac of that Mac answers KeyId, MacAlgorithm and MacValid true',
    operation: 'GenerateMac',
    source: roundTrip('256', 'generate-mac, verify-mac', 'CRY-088'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    for (const { spec, algorithm } of HMAC_SPECS) {
      const key = await hmacKey(kms, spec, 'MAC-01');
      const generated = await generateMac(kms.primary, key.KeyId!, algorithm);
      expect(members(generated), spec).toEqual(['KeyId', 'Mac', 'MacAlgorithm']);
      expect({ KeyId: generated.KeyId, MacAlgorithm: generated.MacAlgorithm }, spec).toEqual({ KeyId: key.Arn, MacAlgorithm: algorithm });
      expect(generated.Mac?.length, spec).toBeGreaterThan(0);
      const verified = await verifyMac(kms.primary, key.KeyId!, algorithm, generated.Mac!);
      expect(members(verified), spec).toEqual(['KeyId', 'MacAlgorithm', 'MacValid']);
      expect({ KeyId: verified.KeyId, MacAlgorithm: verified.MacAlgorithm, MacValid: verified.MacValid }, spec).toEqual({ KeyId: key.Arn, MacAlgorithm: algorithm, MacValid: true });
    }
  },
);

requirement(
  {
    id: 'MAC-02',
    statement: 'The Mac is as long as the output of its hash: 28, 32, 48 and 64 bytes for HMAC_SHA_224, _256, _384 and _512',
    operation: 'GenerateMac',
    source: { url: GENERATE_MAC, section: 'Description (the standard, raw HMAC of RFC 2104)', groundTruth: 'CRY-089, §2.11' },
    evidence: 'inferred',
    strength: 'should',
  },
  async (kms) => {
    for (const { spec, algorithm, bytes } of HMAC_SPECS) {
      const key = await hmacKey(kms, spec, 'MAC-02');
      expect((await macOf(kms.primary, key.KeyId!, algorithm)).length, spec).toBe(bytes);
    }
  },
);

requirement(
  {
    id: 'MAC-03',
    statement: "VerifyMac of a key's own Mac for another message, or of that Mac with one byte changed, answers KMSInvalidMacException (HTTP 400), never MacValid false",
    operation: 'VerifyMac',
    source: invalidVerify('HMAC_256-HMAC_SHA_256-some different important message', 'CRY-093'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await hmacKey(kms, 'HMAC_256', 'MAC-03');
    const mac = await macOf(kms.primary, key.KeyId!, 'HMAC_SHA_256');
    await expectKmsError(verifyMac(kms.primary, key.KeyId!, 'HMAC_SHA_256', mac, Buffer.from('some different important message')), 'KMSInvalidMacException', 400);
    const changed = Buffer.from(mac);
    changed[0]! ^= 0x01;
    await expectKmsError(verifyMac(kms.primary, key.KeyId!, 'HMAC_SHA_256', changed), 'KMSInvalidMacException', 400);
  },
);

requirement(
  {
    id: 'MAC-04',
    statement: 'KMSInvalidMacException is sent with an empty or absent message',
    operation: 'VerifyMac',
    source: invalidVerify('HMAC_256-HMAC_SHA_256-some different important message', 'CRY-093, CRY-123, §7 #14'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const key = await hmacKey(kms, 'HMAC_256', 'MAC-04');
    const mac = await macOf(kms.primary, key.KeyId!, 'HMAC_SHA_256');
    const body = { KeyId: key.KeyId, Message: Buffer.from('some different important message').toString('base64'), Mac: Buffer.from(mac).toString('base64'), MacAlgorithm: 'HMAC_SHA_256' };
    const res = await kms.raw().send({ operation: 'VerifyMac', body });
    expectRawError(res, 'KMSInvalidMacException', 400);
    expect({ message: res.json?.message ?? '', Message: res.json?.Message ?? '' }).toEqual({ message: '', Message: '' });
  },
);

requirement(
  {
    id: 'MAC-05',
    statement: "GenerateMac and VerifyMac with a MacAlgorithm that is not the key spec's (HMAC_SHA_256 for HMAC_224, HMAC_SHA_512 for HMAC_256 with a valid Mac) answer InvalidKeyUsageException (HTTP 400)",
    operation: 'GenerateMac',
    source: invalidGenerate('HMAC_224-HMAC_SHA_256', 'CRY-090, CRY-091'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const hmac224 = await hmacKey(kms, 'HMAC_224', 'MAC-05');
    await expectKmsError(generateMac(kms.primary, hmac224.KeyId!, 'HMAC_SHA_256'), 'InvalidKeyUsageException', 400);
    const hmac256 = await hmacKey(kms, 'HMAC_256', 'MAC-05');
    const mac = await macOf(kms.primary, hmac256.KeyId!, 'HMAC_SHA_256');
    await expectKmsError(verifyMac(kms.primary, hmac256.KeyId!, 'HMAC_SHA_512', mac), 'InvalidKeyUsageException', 400);
  },
);

requirement(
  {
    id: 'MAC-06',
    statement: 'The algorithm refusals say "Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224." (GenerateMac) and "Algorithm HMAC_SHA_512 is incompatible with key spec HMAC_256." (VerifyMac)',
    operation: 'GenerateMac',
    source: invalidVerify('HMAC_256-HMAC_SHA_512-some important message', 'CRY-090, CRY-091, §7 #5'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const hmac224 = await hmacKey(kms, 'HMAC_224', 'MAC-06');
    const g = await expectKmsError(generateMac(kms.primary, hmac224.KeyId!, 'HMAC_SHA_256'), 'InvalidKeyUsageException');
    expect(g.message, 'GenerateMac').toBe('Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.');
    const hmac256 = await hmacKey(kms, 'HMAC_256', 'MAC-06');
    const mac = await macOf(kms.primary, hmac256.KeyId!, 'HMAC_SHA_256');
    const v = await expectKmsError(verifyMac(kms.primary, hmac256.KeyId!, 'HMAC_SHA_512', mac), 'InvalidKeyUsageException');
    expect(v.message, 'VerifyMac').toBe('Algorithm HMAC_SHA_512 is incompatible with key spec HMAC_256.');
  },
);

requirement(
  {
    id: 'MAC-07',
    statement: "GenerateMac and VerifyMac with MacAlgorithm 'INVALID', a value outside the enum, answer ValidationException (HTTP 400)",
    operation: 'GenerateMac',
    source: invalidGenerate('HMAC_256-INVALID', 'CRY-092'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await hmacKey(kms, 'HMAC_256', 'MAC-07');
    await expectKmsError(generateMac(kms.primary, key.KeyId!, 'INVALID'), 'ValidationException', 400);
    const mac = await macOf(kms.primary, key.KeyId!, 'HMAC_SHA_256');
    await expectKmsError(verifyMac(kms.primary, key.KeyId!, 'INVALID', mac), 'ValidationException', 400);
  },
);

const ENUM_ERROR = /^1 validation error detected: Value 'INVALID' at 'macAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: \[([^\]]*)\]$/;

requirement(
  {
    id: 'MAC-08',
    statement: "The refusal of MacAlgorithm 'INVALID' is one validation error at 'macAlgorithm' listing the enum set {HMAC_SHA_224, HMAC_SHA_256, HMAC_SHA_384, HMAC_SHA_512} (in any order)",
    operation: 'GenerateMac',
    source: invalidVerify('HMAC_256-INVALID-some important message', 'CRY-092, §7 #17'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const key = await hmacKey(kms, 'HMAC_256', 'MAC-08');
    const mac = await macOf(kms.primary, key.KeyId!, 'HMAC_SHA_256');
    const answers = [
      ['GenerateMac', await expectKmsError(generateMac(kms.primary, key.KeyId!, 'INVALID'), 'ValidationException')],
      ['VerifyMac', await expectKmsError(verifyMac(kms.primary, key.KeyId!, 'INVALID', mac), 'ValidationException')],
    ] as const;
    for (const [op, e] of answers) {
      const m = ENUM_ERROR.exec(e.message ?? '');
      expect(m, `${op} message: ${e.message}`).not.toBeNull();
      expect(m![1]!.split(', ').sort(), `${op} enum set`).toEqual(MAC_ALGORITHMS);
    }
  },
);

requirement(
  {
    id: 'MAC-09',
    statement: 'GenerateMac and VerifyMac with a key that is not an HMAC key (symmetric encryption, ECC signing) answer InvalidKeyUsageException (HTTP 400)',
    operation: 'GenerateMac',
    source: recorded('TestKMS::test_error_messaging_for_invalid_keys', 'generate-mac-invalid-key-id', `recorded 2023-04-13, ${VALIDATED}`, 'CRY-094'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const keys = [await createKmsKey(kms.primary, 'MAC-09'), await createKeyOf(kms.primary, 'ECC_NIST_P256', 'SIGN_VERIFY', { description: 'MAC-09' })];
    for (const key of keys) {
      await expectKmsError(generateMac(kms.primary, key.KeyId!, 'HMAC_SHA_256'), 'InvalidKeyUsageException', 400);
      await expectKmsError(verifyMac(kms.primary, key.KeyId!, 'HMAC_SHA_256', randomBytes(32)), 'InvalidKeyUsageException', 400);
    }
  },
);

requirement(
  {
    id: 'MAC-10',
    statement: 'GenerateMac with a symmetric encryption key says "<ARN> key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac."',
    operation: 'GenerateMac',
    source: recorded('TestKMS::test_error_messaging_for_invalid_keys', 'generate-mac-invalid-key-id', `recorded 2023-04-13, ${VALIDATED}`, 'CRY-094, §7 #4'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'MAC-10');
    const e = await expectKmsError(generateMac(kms.primary, key.KeyId!, 'HMAC_SHA_256'), 'InvalidKeyUsageException');
    expect(e.message).toBe(`${key.Arn} key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac.`);
  },
);

requirement(
  {
    id: 'MAC-11',
    statement: "GenerateMac and VerifyMac with the malformed KeyId 'key_id' answer NotFoundException (HTTP 400)",
    operation: 'GenerateMac',
    source: roundTrip('224', 'generate-mac-invalid-key-id, verify-mac-invalid-key-id', 'CRY-095'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    await expectKmsError(generateMac(kms.primary, 'key_id', 'HMAC_SHA_224'), 'NotFoundException', 400);
    await expectKmsError(verifyMac(kms.primary, 'key_id', 'HMAC_SHA_224', randomBytes(28)), 'NotFoundException', 400);
  },
);

requirement(
  {
    id: 'MAC-12',
    statement: "The NotFoundException for KeyId 'key_id' says \"Invalid keyId 'key_id'\" on GenerateMac and VerifyMac",
    operation: 'GenerateMac',
    source: roundTrip('224', 'generate-mac-invalid-key-id, verify-mac-invalid-key-id', 'CRY-095, §7 #22'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const g = await expectKmsError(generateMac(kms.primary, 'key_id', 'HMAC_SHA_224'), 'NotFoundException');
    expect(g.message, 'GenerateMac').toBe("Invalid keyId 'key_id'");
    const v = await expectKmsError(verifyMac(kms.primary, 'key_id', 'HMAC_SHA_224', randomBytes(28)), 'NotFoundException');
    expect(v.message, 'VerifyMac').toBe("Invalid keyId 'key_id'");
  },
);
