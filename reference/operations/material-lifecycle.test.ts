/**
 * What happens to a key's material after import: DeleteImportedKeyMaterial in each key state
 * (REQ-D1, REQ-D3, REQ-D4, REQ-D5, REQ-D7), reimport (REQ-I9, REQ-I10), expiry (REQ-D13) and a
 * second material pending rotation (REQ-I11, REQ-I12).
 */
import {
  CancelKeyDeletionCommand,
  DecryptCommand,
  DeleteImportedKeyMaterialCommand,
  DisableKeyCommand,
  EncryptCommand,
  ImportKeyMaterialCommand,
  ScheduleKeyDeletionCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../errors.ts';
import { materialIdFor } from '../model/key-material.ts';
import { HOUR_MS, TestClock } from '../test-support/clock.ts';
import { expectKmsError } from '../test-support/expect-kms-error.ts';
import { createImportedKey, createKey, describe as describeKey, importMaterial, newMaterial, prepareImport } from '../test-support/import-flow.ts';
import { startSdkTarget, type SdkTarget } from '../test-support/sdk-target.ts';

let target: SdkTarget;
let kms: KMSClient;
const clock = new TestClock();

beforeAll(async () => {
  target = await startSdkTarget({ clock });
  kms = target.client();
});
afterAll(() => target.close());

const deleteMaterial = (keyId: string) => kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: keyId }));
const encrypt = (keyId: string) => kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('payload') }));

describe('DeleteImportedKeyMaterial on an Enabled key, then reimport', () => {
  it('makes the key PendingImport; Encrypt fails with the recorded "<ARN> is pending import." message', async () => {
    const { key, keyMaterialId } = await createImportedKey(kms);
    const out = await deleteMaterial(key.KeyId!);
    expect(out.KeyId).toBe(key.Arn);
    expect(out.KeyMaterialId).toBe(keyMaterialId);

    const md = await describeKey(kms, key.KeyId!);
    expect(md.KeyState).toBe('PendingImport');
    expect(md.Enabled).toBe(false);
    expect(md.ExpirationModel).toBeUndefined();
    expect(md.ValidTo).toBeUndefined();
    expect(md.CurrentKeyMaterialId).toBe(keyMaterialId);
    await expectKmsError(encrypt(key.KeyId!), 'KMSInvalidStateException', `${key.Arn} is pending import.`);
  });

  it('reimporting the same material enables the key again; old ciphertext decrypts; same KeyMaterialId', async () => {
    const { key, material, keyMaterialId } = await createImportedKey(kms);
    const before = await encrypt(key.KeyId!);
    await deleteMaterial(key.KeyId!);

    // A new token and, here, another wrapping algorithm: the material is what must match.
    const again = await importMaterial(kms, key.KeyId!, material, { algorithm: 'RSA_AES_KEY_WRAP_SHA_1', spec: 'RSA_3072' });
    expect(again.KeyMaterialId).toBe(keyMaterialId);
    const md = await describeKey(kms, key.KeyId!);
    expect(md.KeyState).toBe('Enabled');
    expect(md.CurrentKeyMaterialId).toBe(keyMaterialId);
    const decrypted = await kms.send(new DecryptCommand({ CiphertextBlob: before.CiphertextBlob }));
    expect(Buffer.from(decrypted.Plaintext!).toString()).toBe('payload');
  });

  it('importing different material after a delete: IncorrectKeyMaterialException, key stays PendingImport', async () => {
    const { key } = await createImportedKey(kms);
    await deleteMaterial(key.KeyId!);
    await expectKmsError(importMaterial(kms, key.KeyId!, newMaterial()), 'IncorrectKeyMaterialException');
    expect((await describeKey(kms, key.KeyId!)).KeyState).toBe('PendingImport');
    await expectKmsError(encrypt(key.KeyId!), 'KMSInvalidStateException', messages.pendingImport(key.Arn!));
  });
});

describe('material expiry', () => {
  it('after ValidTo passes the key is PendingImport and shows neither ExpirationModel nor ValidTo', async () => {
    const validTo = new Date(clock.offsetSeconds(HOUR_MS) * 1000);
    const { key, keyMaterialId } = await createImportedKey(kms, newMaterial(), { request: { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo } });
    const live = await describeKey(kms, key.KeyId!);
    expect(live).toMatchObject({ KeyState: 'Enabled', ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo });
    await expect(encrypt(key.KeyId!)).resolves.toMatchObject({ KeyId: key.Arn });

    clock.advance(HOUR_MS + 1_000);
    const expired = await describeKey(kms, key.KeyId!);
    expect(expired.KeyState).toBe('PendingImport');
    expect(expired.Enabled).toBe(false);
    expect(expired).not.toHaveProperty('ExpirationModel');
    expect(expired).not.toHaveProperty('ValidTo');
    expect(expired.CurrentKeyMaterialId).toBe(keyMaterialId);
    await expectKmsError(encrypt(key.KeyId!), 'KMSInvalidStateException', messages.pendingImport(key.Arn!));
  });

  it('expired material reimported without expiry: Enabled again, KEY_MATERIAL_DOES_NOT_EXPIRE, same id', async () => {
    const material = newMaterial();
    const validTo = new Date(clock.offsetSeconds(HOUR_MS) * 1000);
    const { key, keyMaterialId } = await createImportedKey(kms, material, { request: { ExpirationModel: 'KEY_MATERIAL_EXPIRES', ValidTo: validTo } });
    clock.advance(2 * HOUR_MS);
    expect((await describeKey(kms, key.KeyId!)).KeyState).toBe('PendingImport');

    const again = await importMaterial(kms, key.KeyId!, material);
    expect(again.KeyMaterialId).toBe(keyMaterialId);
    const md = await describeKey(kms, key.KeyId!);
    expect(md).toMatchObject({ KeyState: 'Enabled', ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' });
    expect(md).not.toHaveProperty('ValidTo');
    // Time passing no longer matters.
    clock.advance(400 * 24 * HOUR_MS);
    expect((await describeKey(kms, key.KeyId!)).KeyState).toBe('Enabled');
  });
});

describe('DeleteImportedKeyMaterial in other states', () => {
  it('PendingDeletion: succeeds, the key stays PendingDeletion with the same DeletionDate', async () => {
    const { key, keyMaterialId } = await createImportedKey(kms);
    const scheduled = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    const out = await deleteMaterial(key.KeyId!);
    expect(out.KeyMaterialId).toBe(keyMaterialId);
    const md = await describeKey(kms, key.KeyId!);
    expect(md.KeyState).toBe('PendingDeletion');
    expect(md.DeletionDate).toEqual(scheduled.DeletionDate);
    expect(md.ExpirationModel).toBeUndefined();
    // Reference choice where AWS is unknown (REQ-S5): without material, a cancelled key is PendingImport.
    await kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    expect((await describeKey(kms, key.KeyId!)).KeyState).toBe('PendingImport');
  });

  it('PendingImport, never imported: succeeds with no effect, twice', async () => {
    const key = await createKey(kms, 'EXTERNAL');
    for (let i = 0; i < 2; i++) {
      const out = await deleteMaterial(key.KeyId!);
      expect(out.KeyId).toBe(key.Arn);
      expect(out.KeyMaterialId).toBeUndefined();
    }
    const md = await describeKey(kms, key.KeyId!);
    expect(md.KeyState).toBe('PendingImport');
    expect(md.CurrentKeyMaterialId).toBeUndefined();
  });

  it('Disabled: succeeds and the key becomes PendingImport', async () => {
    const { key } = await createImportedKey(kms);
    await kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    await deleteMaterial(key.KeyId!);
    expect((await describeKey(kms, key.KeyId!)).KeyState).toBe('PendingImport');
  });

  it('an AWS_KMS key: UnsupportedOperationException with the recorded message; the key stays usable', async () => {
    const key = await createKey(kms, 'AWS_KMS');
    await expectKmsError(deleteMaterial(key.KeyId!), 'UnsupportedOperationException', `${key.Arn} origin is AWS_KMS which is not valid for this operation.`);
    const md = await describeKey(kms, key.KeyId!);
    expect(md.KeyState).toBe('Enabled');
    const encrypted = await encrypt(key.KeyId!);
    const decrypted = await kms.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob }));
    expect(Buffer.from(decrypted.Plaintext!).toString()).toBe('payload');
  });
});

describe('NEW_KEY_MATERIAL on a key that has material', () => {
  it('adds a material pending rotation without changing the current one; a second: KMSInvalidStateException', async () => {
    const { key, keyMaterialId } = await createImportedKey(kms);
    const second = newMaterial();
    const pending = await importMaterial(kms, key.KeyId!, second, { request: { ImportType: 'NEW_KEY_MATERIAL' } });
    expect(pending.KeyMaterialId).toBe(materialIdFor(key.KeyId!, second));
    const md = await describeKey(kms, key.KeyId!);
    expect(md.KeyState).toBe('Enabled');
    expect(md.CurrentKeyMaterialId).toBe(keyMaterialId);

    const third = newMaterial();
    const { input } = await prepareImport(kms, key.KeyId!, third, { request: { ImportType: 'NEW_KEY_MATERIAL' } });
    const expected = `New key material (id: ${materialIdFor(key.KeyId!, third)}) cannot be imported into KMS key ${key.Arn}, because another key material (id: ${pending.KeyMaterialId}) is pending rotation.`;
    await expectKmsError(kms.send(new ImportKeyMaterialCommand(input)), 'KMSInvalidStateException', expected);
    expect((await describeKey(kms, key.KeyId!)).CurrentKeyMaterialId).toBe(keyMaterialId);
  });
});
