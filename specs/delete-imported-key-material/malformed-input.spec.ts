/**
 * DeleteImportedKeyMaterial: KeyId values that cannot name a key of the caller's region — malformed
 * ids, ARNs of another region — and KeyId values that break the model's constraints (empty, longer
 * than 2048 characters, missing). Messages are checked only in separate `should` requirements.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html
 */
import { DeleteImportedKeyMaterialCommand, type KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { createImportedKey, describeKey } from '#harness/kms/index.ts';
import { expectKmsError, expectRawError, requirement } from '#harness/spec/index.ts';

const API = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html';
const OP = 'DeleteImportedKeyMaterial';

/** Not a UUID with dashes, not `mrk-` with 32 hex digits: the forms AWS was recorded refusing. */
const MALFORMED_IDS = ['fake-key-id', '134f2428cec14b25a1ae9048164dba47', 'mrk-fake-key-id'] as const;
const TOO_LONG_KEY_ID = 'k'.repeat(2049);

const deleteMaterial = (client: KMSClient, keyId: string) => client.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId }));

/** A region other than the target's, for an ARN that names another region. */
const otherRegion = (region: string) => (region === 'us-west-2' ? 'eu-west-1' : 'us-west-2');

/** An imported key and its ARN rewritten to another region. */
async function keyAndForeignRegionArn(kms: { primary: KMSClient; target: { region: string } }) {
  const { key } = await createImportedKey(kms.primary);
  const region = otherRegion(kms.target.region);
  const arn = key.Arn!.replace(/^(arn:[^:]+:kms:)[^:]+:/, `$1${region}:`);
  return { key, region, arn };
}

requirement(
  {
    id: 'DIKM-10',
    statement: 'A malformed key ID (not a UUID, not mrk- and 32 hex digits) answers NotFoundException with HTTP 400',
    operation: OP,
    source: { url: API, section: 'Errors: NotFoundException', groundTruth: 'REQ-K4' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    for (const id of MALFORMED_IDS) await expectKmsError(deleteMaterial(kms.primary, id), 'NotFoundException', 400);
  },
);

requirement(
  {
    id: 'DIKM-11',
    statement: "For a malformed key ID the NotFoundException message reads Invalid keyId '<the input>'",
    operation: OP,
    source: { url: API, section: 'Errors: NotFoundException', groundTruth: 'REQ-K4, f#8' },
    evidence: 'inferred',
    strength: 'should',
  },
  async (kms) => {
    for (const id of MALFORMED_IDS) {
      const e = await expectKmsError(deleteMaterial(kms.primary, id), 'NotFoundException');
      expect(e.message).toBe(`Invalid keyId '${id}'`);
    }
  },
);

requirement(
  {
    id: 'DIKM-12',
    statement: "A key ARN naming another region answers NotFoundException with HTTP 400, and the key of the caller's region is unchanged",
    operation: OP,
    source: { url: API, section: 'Errors: NotFoundException', groundTruth: 'REQ-K5' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key, arn } = await keyAndForeignRegionArn(kms);
    await expectKmsError(deleteMaterial(kms.primary, arn), 'NotFoundException', 400);
    expect(await describeKey(kms.primary, key.KeyId!)).toMatchObject({ KeyState: 'Enabled', Enabled: true });
  },
);

requirement(
  {
    id: 'DIKM-13',
    statement: 'For a key ARN naming another region the NotFoundException message reads Invalid arn <that region>',
    operation: OP,
    source: { url: API, section: 'Errors: NotFoundException', groundTruth: 'REQ-K5, f#9' },
    evidence: 'inferred',
    strength: 'should',
  },
  async (kms) => {
    const { region, arn } = await keyAndForeignRegionArn(kms);
    const e = await expectKmsError(deleteMaterial(kms.primary, arn), 'NotFoundException');
    expect(e.message).toBe(`Invalid arn ${region}`);
  },
);

requirement(
  {
    id: 'DIKM-14',
    statement: 'An empty KeyId answers ValidationException with HTTP 400',
    operation: OP,
    source: { url: API, section: 'Request Parameters: KeyId (length 1–2048)', groundTruth: 'REQ-P7' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    expectRawError(await kms.raw().send({ operation: OP, body: { KeyId: '' } }), 'ValidationException', 400);
  },
);

requirement(
  {
    id: 'DIKM-15',
    statement: "An empty KeyId is reported as one validation error: value '' at 'keyId' is shorter than 1",
    operation: OP,
    source: { url: API, section: 'Request Parameters: KeyId (length 1–2048)', groundTruth: 'REQ-P7, f#13' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const e = expectRawError(await kms.raw().send({ operation: OP, body: { KeyId: '' } }), 'ValidationException');
    expect(e.message).toBe("1 validation error detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1");
  },
);

requirement(
  {
    id: 'DIKM-16',
    statement: 'A KeyId longer than 2048 characters answers ValidationException with HTTP 400',
    operation: OP,
    source: { url: API, section: 'Request Parameters: KeyId (length 1–2048)', groundTruth: 'REQ-P9' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    await expectKmsError(deleteMaterial(kms.primary, TOO_LONG_KEY_ID), 'ValidationException', 400);
  },
);

requirement(
  {
    id: 'DIKM-17',
    statement: "A KeyId longer than 2048 characters is reported as one validation error at 'keyId' for the 2048 maximum",
    operation: OP,
    source: { url: API, section: 'Request Parameters: KeyId (length 1–2048)', groundTruth: 'REQ-P9, REQ-P6' },
    evidence: 'inferred',
    strength: 'should',
  },
  async (kms) => {
    const e = await expectKmsError(deleteMaterial(kms.primary, TOO_LONG_KEY_ID), 'ValidationException');
    expect(e.message).toMatch(/^1 validation error detected: Value '[^]*' at 'keyId' failed to satisfy constraint: Member must have length less than or equal to 2048$/);
  },
);

requirement(
  {
    id: 'DIKM-18',
    statement: 'A request without KeyId answers ValidationException with HTTP 400',
    operation: OP,
    source: { url: API, section: 'Request Parameters: KeyId (required)', groundTruth: 'REQ-P8' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    expectRawError(await kms.raw().send({ operation: OP, body: {} }), 'ValidationException', 400);
  },
);

requirement(
  {
    id: 'DIKM-19',
    statement: "A missing KeyId is reported as one validation error: value null at 'keyId' must not be null",
    operation: OP,
    source: { url: API, section: 'Request Parameters: KeyId (required)', groundTruth: 'REQ-P8' },
    evidence: 'inferred',
    strength: 'should',
  },
  async (kms) => {
    const e = expectRawError(await kms.raw().send({ operation: OP, body: {} }), 'ValidationException');
    expect(e.message).toBe("1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
  },
);
