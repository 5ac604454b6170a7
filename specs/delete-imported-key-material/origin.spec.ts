/**
 * DeleteImportedKeyMaterial on a key whose material KMS generated (Origin AWS_KMS): refused as an
 * unsupported operation, and the key keeps its material.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html (footnote 9)
 */
import { DecryptCommand, DeleteImportedKeyMaterialCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { createKmsKey, describeKey, sameMaterial } from '#harness/kms/index.ts';
import { expectKmsError, requirement } from '#harness/spec/index.ts';

const KEY_STATE = 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html';
const OP = 'DeleteImportedKeyMaterial';

const deleteMaterial = (client: KMSClient, keyId: string) => client.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId }));

const encrypt = async (client: KMSClient, keyId: string, plaintext: Buffer) =>
  (await client.send(new EncryptCommand({ KeyId: keyId, Plaintext: plaintext }))).CiphertextBlob!;

async function decrypt(client: KMSClient, keyId: string, ciphertext: Uint8Array): Promise<Buffer> {
  const { Plaintext } = await client.send(new DecryptCommand({ KeyId: keyId, CiphertextBlob: ciphertext }));
  return Buffer.from(Plaintext!);
}

requirement(
  {
    id: 'DIKM-20',
    statement: 'A key with Origin AWS_KMS is refused with UnsupportedOperationException and HTTP 400',
    operation: OP,
    source: { url: KEY_STATE, section: 'DeleteImportedKeyMaterial row, footnote 9', groundTruth: 'REQ-D5' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary);
    await expectKmsError(deleteMaterial(kms.primary, key.KeyId!), 'UnsupportedOperationException', 400);
  },
);

requirement(
  {
    id: 'DIKM-21',
    statement: 'After the refused call the AWS_KMS key is still Enabled with the same material: old ciphertext decrypts and new ciphertext round-trips',
    operation: OP,
    source: { url: KEY_STATE, section: 'DeleteImportedKeyMaterial row, footnote 9', groundTruth: 'REQ-D5' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary);
    const before = Buffer.from('DIKM-21 before the refused delete');
    const oldCiphertext = await encrypt(kms.primary, key.KeyId!, before);
    await expectKmsError(deleteMaterial(kms.primary, key.Arn!), 'UnsupportedOperationException');

    const after = await describeKey(kms.primary, key.KeyId!);
    expect(after).toMatchObject({ KeyState: 'Enabled', Enabled: true, Origin: 'AWS_KMS', ...sameMaterial(key.CurrentKeyMaterialId) });
    expect((await decrypt(kms.primary, key.KeyId!, oldCiphertext)).equals(before)).toBe(true);
    const fresh = Buffer.from('DIKM-21 after the refused delete');
    expect((await decrypt(kms.primary, key.KeyId!, await encrypt(kms.primary, key.KeyId!, fresh))).equals(fresh)).toBe(true);
  },
);

requirement(
  {
    id: 'DIKM-22',
    statement: 'The refusal message reads <key ARN> origin is AWS_KMS which is not valid for this operation., also when called by key ID',
    operation: OP,
    source: { url: KEY_STATE, section: 'footnotes 6 and 9', groundTruth: 'REQ-D5, f#2' },
    evidence: 'inferred',
    strength: 'should',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary);
    const e = await expectKmsError(deleteMaterial(kms.primary, key.KeyId!), 'UnsupportedOperationException');
    expect(e.message).toBe(`${key.Arn} origin is AWS_KMS which is not valid for this operation.`);
  },
);
