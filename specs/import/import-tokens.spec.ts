/**
 * ImportKeyMaterial and the import token: a token is bound to the key it was issued for and to the
 * public key issued with it. (An expired token, ExpiredImportTokenException, is not checked: a token
 * lives 24 hours and a spec cannot wait that long or move a real endpoint's clock.)
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ImportKeyMaterial.html
 */
import { GetParametersForImportCommand, ImportKeyMaterialCommand, type KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { createExternalKey, describeKey, newKeyMaterial, wrapKeyMaterial } from '#harness/kms/index.ts';
import { expectKmsError, requirement } from '#harness/spec/index.ts';

const API = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_ImportKeyMaterial.html';
const OP = 'ImportKeyMaterial';
const ALGORITHM = 'RSAES_OAEP_SHA_256';

const getParameters = (client: KMSClient, keyId: string) =>
  client.send(new GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: ALGORITHM, WrappingKeySpec: 'RSA_2048' }));

const importMaterial = (client: KMSClient, keyId: string, importToken: Uint8Array, encryptedKeyMaterial: Uint8Array) =>
  client.send(new ImportKeyMaterialCommand({ KeyId: keyId, ImportToken: importToken, EncryptedKeyMaterial: encryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));

async function expectStillPendingImport(client: KMSClient, keyId: string): Promise<void> {
  const md = await describeKey(client, keyId);
  expect(md).toMatchObject({ KeyState: 'PendingImport', Enabled: false });
  expect(md).not.toHaveProperty('CurrentKeyMaterialId');
}

requirement(
  {
    id: 'IKM-20',
    statement: "Another key's import token, with material wrapped under that token's own public key, is refused with InvalidImportTokenException and HTTP 400, and neither key gets material",
    operation: OP,
    source: { url: API, section: 'Errors: InvalidImportTokenException; Request Parameters: KeyId', groundTruth: 'REQ-I17, REQ-I6' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const issuer = await createExternalKey(kms.primary, 'IKM-20 token issuer');
    const target = await createExternalKey(kms.primary, 'IKM-20 import target');
    const params = await getParameters(kms.primary, issuer.KeyId!);
    const wrapped = wrapKeyMaterial(params.PublicKey!, newKeyMaterial(), ALGORITHM);
    const e = await expectKmsError(importMaterial(kms.primary, target.KeyId!, params.ImportToken!, wrapped), 'InvalidImportTokenException', 400);
    kms.observe('message', e.message);
    await expectStillPendingImport(kms.primary, target.KeyId!);
    await expectStillPendingImport(kms.primary, issuer.KeyId!);
  },
);

requirement(
  {
    id: 'IKM-21',
    statement: "Material wrapped under one call's public key, sent with another call's token for the same key, is refused with InvalidCiphertextException and HTTP 400, and the key gets no material",
    operation: OP,
    source: { url: API, section: 'Errors: InvalidCiphertextException; Request Parameters: ImportToken', groundTruth: 'REQ-I6' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await createExternalKey(kms.primary, 'IKM-21');
    const first = await getParameters(kms.primary, key.KeyId!);
    const second = await getParameters(kms.primary, key.KeyId!);
    const wrappedForFirst = wrapKeyMaterial(first.PublicKey!, newKeyMaterial(), ALGORITHM);
    const e = await expectKmsError(importMaterial(kms.primary, key.KeyId!, second.ImportToken!, wrappedForFirst), 'InvalidCiphertextException', 400);
    kms.observe('message', e.message);
    await expectStillPendingImport(kms.primary, key.KeyId!);
  },
);

requirement(
  {
    id: 'IKM-22',
    statement: 'Bytes that are not material wrapped under the public key of the token are refused with InvalidCiphertextException and HTTP 400, and the key gets no material',
    operation: OP,
    source: { url: API, section: 'Errors: InvalidCiphertextException; Request Parameters: EncryptedKeyMaterial', groundTruth: 'REQ-I6' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await createExternalKey(kms.primary, 'IKM-22');
    const params = await getParameters(kms.primary, key.KeyId!);
    // As long as an RSA-2048 ciphertext, but a fixed pattern: it does not decrypt under the wrapping key.
    const garbage = Buffer.alloc(256, 0x5a);
    await expectKmsError(importMaterial(kms.primary, key.KeyId!, params.ImportToken!, garbage), 'InvalidCiphertextException', 400);
    await expectStillPendingImport(kms.primary, key.KeyId!);
  },
);
