/**
 * Reimport after DeleteImportedKeyMaterial: the same material brings the key back (old ciphertext
 * decrypts again); other material is refused, because the key stays tied to its first material.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ImportKeyMaterial.html
 */
import { DecryptCommand, DeleteImportedKeyMaterialCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { createImportedKey, describeKey, importKeyMaterial, newKeyMaterial, sameMaterial } from '#harness/kms/index.ts';
import { expectKmsError, requirement } from '#harness/spec/index.ts';

const API = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html';
const IMPORT_API = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ImportKeyMaterial.html';
const OP = 'DeleteImportedKeyMaterial';
const PLAINTEXT = Buffer.from('DIKM reimport probe');

/** An imported key, a ciphertext made before the deletion, and the deletion done. */
async function deletedAfterEncrypt(client: KMSClient) {
  const imported = await createImportedKey(client);
  const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId: imported.key.KeyId, Plaintext: PLAINTEXT }));
  await client.send(new DeleteImportedKeyMaterialCommand({ KeyId: imported.key.KeyId }));
  return { ...imported, ciphertext: CiphertextBlob! };
}

requirement(
  {
    id: 'DIKM-42',
    statement: 'Reimporting the same material after the deletion makes the key Enabled again and ciphertext made before the deletion decrypts',
    operation: OP,
    source: { url: API, section: 'Description (reimport the same key material)', groundTruth: 'REQ-I9' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key, material, ciphertext } = await deletedAfterEncrypt(kms.primary);
    await importKeyMaterial(kms.primary, key.KeyId!, material);
    expect(await describeKey(kms.primary, key.KeyId!)).toMatchObject({ KeyState: 'Enabled', Enabled: true });
    const { Plaintext } = await kms.primary.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob: ciphertext }));
    expect(Buffer.from(Plaintext!).equals(PLAINTEXT)).toBe(true);
  },
);

requirement(
  {
    id: 'DIKM-43',
    statement: 'The reimported material has the id it had before the deletion (import response and CurrentKeyMaterialId)',
    operation: OP,
    source: { url: IMPORT_API, section: 'KeyMaterialId', groundTruth: 'REQ-I9' },
    evidence: 'inferred',
    strength: 'should',
  },
  async (kms) => {
    const { key, material, keyMaterialId } = await deletedAfterEncrypt(kms.primary);
    const { response } = await importKeyMaterial(kms.primary, key.KeyId!, material);
    expect(response.KeyMaterialId).toBe(keyMaterialId);
    expect((await describeKey(kms.primary, key.KeyId!)).CurrentKeyMaterialId).toBe(keyMaterialId);
  },
);

requirement(
  {
    id: 'DIKM-44',
    statement: 'Importing different material after the deletion answers IncorrectKeyMaterialException with HTTP 400 and the key stays PendingImport',
    operation: OP,
    source: { url: IMPORT_API, section: 'ImportType; Errors: IncorrectKeyMaterialException', groundTruth: 'REQ-I10' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { key, keyMaterialId } = await deletedAfterEncrypt(kms.primary);
    await expectKmsError(importKeyMaterial(kms.primary, key.KeyId!, newKeyMaterial()), 'IncorrectKeyMaterialException', 400);
    expect(await describeKey(kms.primary, key.KeyId!)).toMatchObject({ KeyState: 'PendingImport', Enabled: false, ...sameMaterial(keyMaterialId) });
  },
);
