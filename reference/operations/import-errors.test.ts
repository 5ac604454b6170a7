/**
 * ImportKeyMaterial refusals: the import token (REQ-I6, REQ-I17, REQ-G3), the wrapped material
 * (REQ-I6, REQ-I10) and the expiration settings (REQ-I2…I4). Every refusal leaves the key as it was.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { ImportKeyMaterialCommand, type KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../errors.ts';
import { DAY_MS, HOUR_MS, TestClock } from '../test-support/clock.ts';
import { expectKmsError } from '../test-support/expect-kms-error.ts';
import { createImportedKey, createKey, describe as describeKey, newMaterial, prepareImport } from '../test-support/import-flow.ts';
import { startSdkTarget, type SdkTarget } from '../test-support/sdk-target.ts';
import { wrapKeyMaterial } from '../test-support/wrapping.ts';

let target: SdkTarget;
let kms: KMSClient;
const clock = new TestClock();

beforeAll(async () => {
  target = await startSdkTarget({ clock });
  kms = target.client();
});
afterAll(() => target.close());

const importWith = (input: ConstructorParameters<typeof ImportKeyMaterialCommand>[0]) => kms.send(new ImportKeyMaterialCommand(input));

async function expectStillPendingImport(keyId: string): Promise<void> {
  const md = await describeKey(kms, keyId);
  expect(md.KeyState).toBe('PendingImport');
  expect(md.CurrentKeyMaterialId).toBeUndefined();
}

describe('import token', () => {
  it('a token issued for another key: InvalidImportTokenException', async () => {
    const key = await createKey(kms);
    const other = await createKey(kms);
    const { input } = await prepareImport(kms, other.KeyId!, newMaterial());
    await expectKmsError(importWith({ ...input, KeyId: key.KeyId }), 'InvalidImportTokenException');
    await expectStillPendingImport(key.KeyId!);
    // The token still works for the key it was issued for.
    await expect(importWith(input)).resolves.toMatchObject({ KeyId: other.Arn });
  });

  it('a token the endpoint never issued: InvalidImportTokenException', async () => {
    const key = await createKey(kms);
    const { input } = await prepareImport(kms, key.KeyId!, newMaterial());
    await expectKmsError(importWith({ ...input, ImportToken: Buffer.alloc(64, 7) }), 'InvalidImportTokenException');
    await expectStillPendingImport(key.KeyId!);
  });

  it('a token used just under 24 hours after issue still imports', async () => {
    const key = await createKey(kms);
    const { input } = await prepareImport(kms, key.KeyId!, newMaterial());
    clock.advance(DAY_MS - 60_000);
    await expect(importWith(input)).resolves.toMatchObject({ KeyId: key.Arn });
  });

  it('a token used more than 24 hours after issue: ExpiredImportTokenException', async () => {
    const key = await createKey(kms);
    const { input } = await prepareImport(kms, key.KeyId!, newMaterial());
    clock.advance(DAY_MS + 1_000);
    await expectKmsError(importWith(input), 'ExpiredImportTokenException');
    await expectStillPendingImport(key.KeyId!);
  });
});

describe('wrapped key material', () => {
  let stranger: KeyObject;
  beforeAll(() => {
    stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
  });

  it('material wrapped with a public key other than the token\'s: InvalidCiphertextException', async () => {
    const key = await createKey(kms);
    const { input } = await prepareImport(kms, key.KeyId!, newMaterial());
    const foreign = wrapKeyMaterial(stranger, 'RSAES_OAEP_SHA_256', newMaterial());
    await expectKmsError(importWith({ ...input, EncryptedKeyMaterial: foreign }), 'InvalidCiphertextException');
    await expectStillPendingImport(key.KeyId!);
  });

  it('material wrapped with the wrong OAEP hash for the token\'s algorithm: InvalidCiphertextException', async () => {
    const key = await createKey(kms);
    const material = newMaterial();
    const { input, publicKey } = await prepareImport(kms, key.KeyId!, material, { algorithm: 'RSAES_OAEP_SHA_256' });
    const sha1Wrapped = wrapKeyMaterial(publicKey, 'RSAES_OAEP_SHA_1', material);
    await expectKmsError(importWith({ ...input, EncryptedKeyMaterial: sha1Wrapped }), 'InvalidCiphertextException');
    await expectStillPendingImport(key.KeyId!);
  });

  it('material that is not 32 bytes: IncorrectKeyMaterialException', async () => {
    const key = await createKey(kms);
    const { input } = await prepareImport(kms, key.KeyId!, Buffer.alloc(16, 1));
    await expectKmsError(importWith(input), 'IncorrectKeyMaterialException');
    await expectStillPendingImport(key.KeyId!);
  });

  it('different material into a key that already has material: IncorrectKeyMaterialException, key unchanged', async () => {
    const { key, keyMaterialId } = await createImportedKey(kms);
    const { input } = await prepareImport(kms, key.KeyId!, newMaterial());
    await expectKmsError(importWith(input), 'IncorrectKeyMaterialException');
    const md = await describeKey(kms, key.KeyId!);
    expect(md.KeyState).toBe('Enabled');
    expect(md.CurrentKeyMaterialId).toBe(keyMaterialId);
  });
});

describe('expiration settings', () => {
  it('KEY_MATERIAL_EXPIRES without ValidTo: ValidationException with the recorded message', async () => {
    const key = await createKey(kms);
    const { input } = await prepareImport(kms, key.KeyId!, newMaterial(), { request: { ExpirationModel: 'KEY_MATERIAL_EXPIRES' } });
    await expectKmsError(importWith(input), 'ValidationException', 'A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES');
    await expectStillPendingImport(key.KeyId!);
  });

  it('neither ExpirationModel nor ValidTo: the model defaults to KEY_MATERIAL_EXPIRES, same refusal', async () => {
    const key = await createKey(kms);
    const { input } = await prepareImport(kms, key.KeyId!, newMaterial(), { request: { ExpirationModel: undefined } });
    await expectKmsError(importWith(input), 'ValidationException', messages.validToRequired);
    await expectStillPendingImport(key.KeyId!);
  });

  it.each([
    ['in the past', -HOUR_MS],
    ['exactly now', 0],
    ['more than 365 days ahead', 365 * DAY_MS + HOUR_MS],
  ])('ValidTo %s: ValidationException', async (_label, offset) => {
    const key = await createKey(kms);
    const request = { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: new Date(clock.offsetSeconds(offset) * 1000) } as const;
    const { input } = await prepareImport(kms, key.KeyId!, newMaterial(), { request });
    await expectKmsError(importWith(input), 'ValidationException');
    await expectStillPendingImport(key.KeyId!);
  });

  it('ValidTo 365 days ahead is accepted and shown by DescribeKey', async () => {
    const key = await createKey(kms);
    const validTo = new Date(clock.offsetSeconds(365 * DAY_MS) * 1000);
    const { input } = await prepareImport(kms, key.KeyId!, newMaterial(), { request: { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo } });
    await importWith(input);
    const md = await describeKey(kms, key.KeyId!);
    expect(md.KeyState).toBe('Enabled');
    expect(md.ExpirationModel).toBe('KEY_MATERIAL_EXPIRES');
    expect(md.ValidTo).toEqual(validTo);
  });

  it('ValidTo with KEY_MATERIAL_DOES_NOT_EXPIRE: ValidationException', async () => {
    const key = await createKey(kms);
    const request = { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE', ValidTo: new Date(clock.offsetSeconds(DAY_MS) * 1000) } as const;
    const { input } = await prepareImport(kms, key.KeyId!, newMaterial(), { request });
    await expectKmsError(importWith(input), 'ValidationException');
    await expectStillPendingImport(key.KeyId!);
  });

  it('an unknown ExpirationModel: ValidationException naming the enum', async () => {
    const key = await createKey(kms);
    const { input } = await prepareImport(kms, key.KeyId!, newMaterial(), { request: { ExpirationModel: 'SOMETIMES' as never } });
    await expectKmsError(
      importWith(input),
      'ValidationException',
      "1 validation error detected: Value 'SOMETIMES' at 'expirationModel' failed to satisfy constraint: Member must satisfy enum value set: [KEY_MATERIAL_EXPIRES, KEY_MATERIAL_DOES_NOT_EXPIRE]",
    );
  });
});
