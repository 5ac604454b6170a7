/**
 * Imported material for RSA, ECC and HMAC keys in the reference (crypto ground truth §3): material
 * is checked against the key spec and made canonical, the same private key reimported in another
 * valid encoding is the same material, a different one is refused, and an asymmetric key's material
 * cannot be replaced by a NEW_KEY_MATERIAL import.
 */
import { DeleteImportedKeyMaterialCommand, CreateKeyCommand, GetPublicKeyCommand, type KMSClient, type KeySpec, type KeyUsageType } from '@aws-sdk/client-kms';
import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectKmsError } from '../test-support/expect-kms-error.ts';
import { describe as describeKey, importMaterial } from '../test-support/import-flow.ts';
import { startSdkTarget, type SdkTarget } from '../test-support/sdk-target.ts';

let target: SdkTarget;
let kms: KMSClient;
beforeAll(async () => {
  target = await startSdkTarget();
  kms = target.client();
});
afterAll(() => target.close());

async function external(KeySpec: KeySpec, KeyUsage: KeyUsageType) {
  return (await kms.send(new CreateKeyCommand({ KeySpec, KeyUsage, Origin: 'EXTERNAL' }))).KeyMetadata!;
}
const wrap4096 = { algorithm: 'RSAES_OAEP_SHA_256', spec: 'RSA_4096' } as const;
const keyWrap = { algorithm: 'RSA_AES_KEY_WRAP_SHA_256', spec: 'RSA_2048' } as const;

describe('material checked against the key spec', () => {
  it.each([
    ['an HMAC_256 key, 31 bytes', 'HMAC_256', 'GENERATE_VERIFY_MAC', () => randomBytes(31)],
    ['an HMAC_224 key, 65 bytes (over the block size)', 'HMAC_224', 'GENERATE_VERIFY_MAC', () => randomBytes(65)],
    ['a P-256 key, a P-384 private key', 'ECC_NIST_P256', 'SIGN_VERIFY', () => generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({ type: 'pkcs8', format: 'der' })],
    ['a P-256 key, bytes that are no PKCS #8', 'ECC_NIST_P256', 'SIGN_VERIFY', () => randomBytes(120)],
    ['an RSA_3072 key, an RSA-2048 private key', 'RSA_3072', 'ENCRYPT_DECRYPT', () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'der' })],
  ] as const)('%s: IncorrectKeyMaterialException, still PendingImport', async (_label, spec, usage, material) => {
    const key = await external(spec, usage);
    await expectKmsError(importMaterial(kms, key.KeyId!, material(), spec.startsWith('RSA') ? keyWrap : wrap4096), 'IncorrectKeyMaterialException');
    expect((await describeKey(kms, key.KeyId!)).KeyState).toBe('PendingImport');
  });

  it('HMAC material of any length from the digest length to the block size is accepted', async () => {
    for (const n of [48, 100, 128]) {
      const key = await external('HMAC_384', 'GENERATE_VERIFY_MAC');
      await importMaterial(kms, key.KeyId!, randomBytes(n), wrap4096);
      expect((await describeKey(kms, key.KeyId!)).KeyState, `${n} bytes`).toBe('Enabled');
    }
  });
});

describe('reimport', () => {
  it('the same EC private key reimported without its optional public key is the same material', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const full = privateKey.export({ type: 'pkcs8', format: 'der' });
    // PKCS #8 of the same key via SEC1 without the public key (OpenSSL's "-noout"-style minimal form).
    const sec1 = privateKey.export({ type: 'sec1', format: 'der' });
    const minimal = createPrivateKey({ key: sec1, format: 'der', type: 'sec1' }).export({ type: 'pkcs8', format: 'der' });
    const key = await external('ECC_NIST_P256', 'SIGN_VERIFY');
    await importMaterial(kms, key.KeyId!, full, wrap4096);
    await kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
    await importMaterial(kms, key.KeyId!, minimal, wrap4096);
    const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: key.KeyId }));
    expect(Buffer.from(PublicKey!)).toEqual(publicKey.export({ type: 'spki', format: 'der' }));
  });

  it('another private key after a delete: IncorrectKeyMaterialException', async () => {
    const pkcs8 = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'der' });
    const key = await external('ECC_NIST_P256', 'SIGN_VERIFY');
    await importMaterial(kms, key.KeyId!, pkcs8(), wrap4096);
    await kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
    await expectKmsError(importMaterial(kms, key.KeyId!, pkcs8(), wrap4096), 'IncorrectKeyMaterialException');
  });

  it('NEW_KEY_MATERIAL on an HMAC key that has material: UnsupportedOperationException, the key unchanged', async () => {
    const key = await external('HMAC_256', 'GENERATE_VERIFY_MAC');
    await importMaterial(kms, key.KeyId!, randomBytes(32), wrap4096);
    const before = await describeKey(kms, key.KeyId!);
    await expectKmsError(importMaterial(kms, key.KeyId!, randomBytes(32), { ...wrap4096, request: { ImportType: 'NEW_KEY_MATERIAL' } }), 'UnsupportedOperationException');
    expect(await describeKey(kms, key.KeyId!)).toEqual(before);
  });

  it('Ed25519, ML-DSA and ML-KEM keys cannot be created for import', async () => {
    for (const [KeySpec, KeyUsage] of [['ECC_NIST_EDWARDS25519', 'SIGN_VERIFY'], ['ML_DSA_65', 'SIGN_VERIFY'], ['ML_KEM_512', 'ENCAPSULATE_DECAPSULATE']] as const) {
      await expectKmsError(kms.send(new CreateKeyCommand({ KeySpec, KeyUsage, Origin: 'EXTERNAL' })), 'UnsupportedOperationException');
    }
  });
});
