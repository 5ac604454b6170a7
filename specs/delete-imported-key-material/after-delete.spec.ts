/**
 * What a key can do once its imported material is deleted: nothing cryptographic, and it can be
 * neither enabled nor disabled — every such call is refused as "pending import".
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (footnote 5)
 */
import { DecryptCommand, DeleteImportedKeyMaterialCommand, DisableKeyCommand, EnableKeyCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { createImportedKey } from '#harness/kms/index.ts';
import { expectKmsError, requirement } from '#harness/spec/index.ts';

const KEY_STATE = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html';
const OP = 'DeleteImportedKeyMaterial';
const PLAINTEXT = Buffer.from('DIKM after-delete probe');

/** An imported key, a ciphertext made with it, then its material deleted. */
async function deletedKey(client: KMSClient) {
  const { key } = await createImportedKey(client);
  const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: PLAINTEXT }));
  await client.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
  return { key, ciphertext: CiphertextBlob! };
}

const pendingImport = (arn: string) => `${arn} is pending import.`;

requirement(
  {
    id: 'DIKM-32',
    statement: 'After the deletion Encrypt with the key answers KMSInvalidStateException with HTTP 400',
    operation: OP,
    source: { url: KEY_STATE, section: 'Encrypt row: PendingImport, footnote 5', groundTruth: 'REQ-D7' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const { key } = await deletedKey(kms.primary);
    await expectKmsError(kms.primary.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: PLAINTEXT })), 'KMSInvalidStateException', 400);
  },
);

requirement(
  {
    id: 'DIKM-33',
    statement: 'The Encrypt refusal after the deletion reads <key ARN> is pending import.',
    operation: OP,
    source: { url: KEY_STATE, section: 'footnote 5', groundTruth: 'REQ-D7, f#1' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const { key } = await deletedKey(kms.primary);
    const e = await expectKmsError(kms.primary.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: PLAINTEXT })), 'KMSInvalidStateException');
    expect(e.message).toBe(pendingImport(key.Arn!));
  },
);

requirement(
  {
    id: 'DIKM-34',
    statement: 'After the deletion Decrypt of a ciphertext made before it answers KMSInvalidStateException with HTTP 400',
    operation: OP,
    source: { url: KEY_STATE, section: 'Decrypt row: PendingImport, footnote 5', groundTruth: 'REQ-D7, REQ-S6' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key, ciphertext } = await deletedKey(kms.primary);
    await expectKmsError(kms.primary.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob: ciphertext })), 'KMSInvalidStateException', 400);
  },
);

requirement(
  {
    id: 'DIKM-35',
    statement: 'The Decrypt refusal after the deletion reads <key ARN> is pending import.',
    operation: OP,
    source: { url: KEY_STATE, section: 'footnote 5', groundTruth: 'REQ-S6, f#1' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const { key, ciphertext } = await deletedKey(kms.primary);
    const e = await expectKmsError(kms.primary.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob: ciphertext })), 'KMSInvalidStateException');
    expect(e.message).toBe(pendingImport(key.Arn!));
  },
);

requirement(
  {
    id: 'DIKM-36',
    statement: 'After the deletion EnableKey answers KMSInvalidStateException with HTTP 400',
    operation: OP,
    source: { url: KEY_STATE, section: 'EnableKey row: PendingImport, footnote 5', groundTruth: 'REQ-D8, REQ-S1' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key } = await deletedKey(kms.primary);
    await expectKmsError(kms.primary.send(new EnableKeyCommand({ KeyId: key.KeyId })), 'KMSInvalidStateException', 400);
  },
);

requirement(
  {
    id: 'DIKM-37',
    statement: 'After the deletion DisableKey answers KMSInvalidStateException with HTTP 400',
    operation: OP,
    source: { url: KEY_STATE, section: 'DisableKey row: PendingImport, footnote 5', groundTruth: 'REQ-D8, REQ-S1' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key } = await deletedKey(kms.primary);
    await expectKmsError(kms.primary.send(new DisableKeyCommand({ KeyId: key.KeyId })), 'KMSInvalidStateException', 400);
  },
);

requirement(
  {
    id: 'DIKM-38',
    statement: 'The EnableKey and DisableKey refusals after the deletion read <key ARN> is pending import.',
    operation: OP,
    source: { url: KEY_STATE, section: 'footnote 5', groundTruth: 'REQ-D8, f#1' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const { key } = await deletedKey(kms.primary);
    const enable = await expectKmsError(kms.primary.send(new EnableKeyCommand({ KeyId: key.KeyId })), 'KMSInvalidStateException');
    const disable = await expectKmsError(kms.primary.send(new DisableKeyCommand({ KeyId: key.KeyId })), 'KMSInvalidStateException');
    expect(enable.message).toBe(pendingImport(key.Arn!));
    expect(disable.message).toBe(pendingImport(key.Arn!));
  },
);
