/**
 * The answer of DeleteImportedKeyMaterial (API of June 2025: KeyId and KeyMaterialId), and the
 * optional KeyMaterialId request member. AWS's own response body was never recorded: the members are
 * documented by the model, their values are parity details, and the raw body is observed.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html
 */
import { randomBytes } from 'node:crypto';
import { DeleteImportedKeyMaterialCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { createExternalKey, createImportedKey, describeKey, sameMaterial } from '#harness/kms/index.ts';
import { expectKmsError, precondition, requirement } from '#harness/spec/index.ts';

const API = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html';
const OP = 'DeleteImportedKeyMaterial';
const RESPONSE = { url: API, section: 'Response Elements', groundTruth: 'REQ-D6' };
const MATERIAL_ID = { url: API, section: 'Request Parameters: KeyMaterialId', groundTruth: 'REQ-D9' };

const deleteMaterial = (client: KMSClient, keyId: string, keyMaterialId?: string) =>
  client.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId, ...(keyMaterialId !== undefined && { KeyMaterialId: keyMaterialId }) }));

/** KeyMaterialId values that break the model (64 characters of lowercase hex), with the broken rule. */
const MALFORMED_MATERIAL_IDS = [
  { value: 'ab'.repeat(31) + 'a', rule: 'Member must have length greater than or equal to 64' },
  { value: 'AB'.repeat(32), rule: 'Member must satisfy regular expression pattern: ^[a-f0-9]+$' },
  { value: 'g'.repeat(64), rule: 'Member must satisfy regular expression pattern: ^[a-f0-9]+$' },
] as const;

requirement(
  {
    id: 'DIKM-45',
    statement: 'A successful deletion answers with both KeyId and KeyMaterialId, the members of the current output shape',
    operation: OP,
    source: RESPONSE,
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key } = await createImportedKey(kms.primary);
    const out = await deleteMaterial(kms.primary, key.KeyId!);
    expect(out.KeyId, 'KeyId').toEqual(expect.any(String));
    expect(out.KeyId).not.toBe('');
    expect(out.KeyMaterialId, 'KeyMaterialId').toEqual(expect.any(String));
  },
);

requirement(
  {
    id: 'DIKM-46',
    statement: 'The KeyId answered is the key ARN, also when the request named the key by its key ID',
    operation: OP,
    source: RESPONSE,
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const { key } = await createImportedKey(kms.primary);
    expect((await deleteMaterial(kms.primary, key.KeyId!)).KeyId).toBe(key.Arn);
  },
);

requirement(
  {
    id: 'DIKM-47',
    statement: 'The KeyMaterialId answered is the id of the material that was deleted',
    operation: OP,
    source: RESPONSE,
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const { key, keyMaterialId } = await createImportedKey(kms.primary);
    precondition(/^[0-9a-f]{64}$/.test(keyMaterialId ?? ''), 'IKM-01', `ImportKeyMaterial answered no KeyMaterialId of 64 hex digits (${keyMaterialId ?? 'none'})`);
    expect((await deleteMaterial(kms.primary, key.KeyId!)).KeyMaterialId).toBe(keyMaterialId);
  },
);

requirement(
  {
    id: 'DIKM-48',
    statement: "AWS's raw answer to a deletion was never recorded; the target's status, content type and body are recorded",
    operation: OP,
    source: { ...RESPONSE, groundTruth: 'REQ-D6, c.10#6' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    const { key } = await createImportedKey(kms.primary);
    const res = await kms.raw().send({ operation: OP, body: { KeyId: key.KeyId } });
    kms.observe('answer', { status: res.status, contentType: res.headers['content-type'] ?? null, body: res.json ?? res.text });
  },
);

requirement(
  {
    id: 'DIKM-49',
    statement: "Naming the current material's id in KeyMaterialId deletes it as the call without an id does (PendingImport, same material id)",
    operation: OP,
    source: MATERIAL_ID,
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key, keyMaterialId } = await createImportedKey(kms.primary);
    await deleteMaterial(kms.primary, key.KeyId!, keyMaterialId!);
    const after = await describeKey(kms.primary, key.KeyId!);
    expect(after).toMatchObject({ KeyState: 'PendingImport', Enabled: false, ...sameMaterial(keyMaterialId) });
    expect(after).not.toHaveProperty('ExpirationModel');
    await expectKmsError(kms.primary.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('x') })), 'KMSInvalidStateException');
  },
);

requirement(
  {
    id: 'DIKM-50',
    statement: "The answer for a well-formed KeyMaterialId that is not the key's is not known for AWS; the answer and the key's state after are recorded",
    operation: OP,
    source: { ...MATERIAL_ID, groundTruth: 'REQ-D9, c.10#5' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    const { key } = await createImportedKey(kms.primary);
    const res = await kms.raw().send({ operation: OP, body: { KeyId: key.KeyId, KeyMaterialId: randomBytes(32).toString('hex') } });
    kms.observe('answer', { status: res.status, errorCode: res.errorCode ?? null, body: res.json ?? res.text });
    const after = await describeKey(kms.primary, key.KeyId!);
    kms.observe('key after', { KeyState: after.KeyState, Enabled: after.Enabled });
  },
);

requirement(
  {
    id: 'DIKM-51',
    statement: 'A KeyMaterialId that is not 64 lowercase hex digits answers ValidationException with HTTP 400 and the key stays Enabled',
    operation: OP,
    source: MATERIAL_ID,
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key, keyMaterialId } = await createImportedKey(kms.primary);
    for (const { value } of MALFORMED_MATERIAL_IDS) await expectKmsError(deleteMaterial(kms.primary, key.KeyId!, value), 'ValidationException', 400);
    expect(await describeKey(kms.primary, key.KeyId!)).toMatchObject({ KeyState: 'Enabled', Enabled: true, ...sameMaterial(keyMaterialId) });
  },
);

requirement(
  {
    id: 'DIKM-52',
    statement: "A malformed KeyMaterialId is reported as one validation error at 'keyMaterialId' naming the broken length or pattern rule",
    operation: OP,
    source: { ...MATERIAL_ID, groundTruth: 'REQ-P12, REQ-P6' },
    evidence: 'inferred',
    strength: 'should',
  },
  async (kms) => {
    const { key } = await createImportedKey(kms.primary);
    for (const { value, rule } of MALFORMED_MATERIAL_IDS) {
      const e = await expectKmsError(deleteMaterial(kms.primary, key.KeyId!, value), 'ValidationException');
      expect(e.message).toBe(`1 validation error detected: Value '${value}' at 'keyMaterialId' failed to satisfy constraint: ${rule}`);
    }
  },
);

requirement(
  {
    id: 'DIKM-53',
    statement: "The answer for a key that never had material is not known for AWS (KeyMaterialId may be empty); the target's answer is recorded",
    operation: OP,
    source: { ...RESPONSE, groundTruth: 'REQ-D4, REQ-D6, c.10#6' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    const key = await createExternalKey(kms.primary);
    const res = await kms.raw().send({ operation: OP, body: { KeyId: key.KeyId } });
    kms.observe('answer', { status: res.status, body: res.json ?? res.text });
  },
);
