/**
 * Import round trips through the real SDK: for every wrapping algorithm and wrapping key spec, the
 * material the client wrapped is the material the key then encrypts with (ground truth REQ-G2,
 * REQ-G4, REQ-I1, REQ-E1); and GetParametersForImport mints a fresh wrapping pair per call (REQ-G7).
 */
import { DecryptCommand, EncryptCommand, GenerateDataKeyCommand, GetParametersForImportCommand, type KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materialIdFor } from '../model/key-material.ts';
import { rsaPairGenerator } from '../model/wrapping-keys.ts';
import { createKey, describe as describeKey, importMaterial, newMaterial } from '../test-support/import-flow.ts';
import { startSdkTarget, type SdkTarget } from '../test-support/sdk-target.ts';
import { WRAPPING_ALGORITHMS, WRAPPING_KEY_SPECS, cachedPairGenerator, modulusBits } from '../test-support/wrapping.ts';

const HEX64 = /^[0-9a-f]{64}$/;
const BITS = { RSA_2048: 2048, RSA_3072: 3072, RSA_4096: 4096 } as const;

describe('import round trips (cached wrapping pairs)', () => {
  let target: SdkTarget;
  let kms: KMSClient;

  beforeAll(async () => {
    // Generate the three cached pairs concurrently before the first test needs them.
    await Promise.all(WRAPPING_KEY_SPECS.map((spec) => cachedPairGenerator(spec)));
    target = await startSdkTarget();
    kms = target.client();
  }, 60_000);
  afterAll(() => target.close());

  const combinations = WRAPPING_ALGORITHMS.flatMap((algorithm) => WRAPPING_KEY_SPECS.map((spec) => ({ algorithm, spec })));

  it.each(combinations)('$algorithm with $spec: import, then Encrypt/Decrypt and GenerateDataKey/Decrypt', async ({ algorithm, spec }) => {
    const key = await createKey(kms, 'EXTERNAL');
    expect(key.KeyState).toBe('PendingImport');

    const params = await kms.send(new GetParametersForImportCommand({ KeyId: key.KeyId, WrappingAlgorithm: algorithm, WrappingKeySpec: spec }));
    expect(params.KeyId).toBe(key.Arn);
    expect(modulusBits(params.PublicKey!)).toBe(BITS[spec]);

    const material = newMaterial();
    const imported = await importMaterial(kms, key.KeyId!, material, { algorithm, spec });
    expect(imported.KeyId).toBe(key.Arn);
    // The id is derived from the unwrapped bytes: equality proves the server unwrapped exactly our material.
    expect(imported.KeyMaterialId).toMatch(HEX64);
    expect(imported.KeyMaterialId).toBe(materialIdFor(key.KeyId!, material));

    const after = await describeKey(kms, key.KeyId!);
    expect(after.KeyState).toBe('Enabled');
    expect(after.Enabled).toBe(true);
    expect(after.ExpirationModel).toBe('KEY_MATERIAL_DOES_NOT_EXPIRE');
    expect(after.CurrentKeyMaterialId).toBe(imported.KeyMaterialId);

    const plaintext = Buffer.from(`secret for ${algorithm}/${spec}`);
    const encrypted = await kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: plaintext }));
    expect(encrypted.KeyId).toBe(key.Arn);
    expect(Buffer.from(encrypted.CiphertextBlob!).includes(plaintext)).toBe(false);
    const decrypted = await kms.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob }));
    expect(Buffer.from(decrypted.Plaintext!)).toEqual(plaintext);
    expect(decrypted.KeyId).toBe(key.Arn);
    expect(decrypted.KeyMaterialId).toBe(imported.KeyMaterialId);

    const dataKey = await kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, KeySpec: 'AES_256' }));
    expect(dataKey.Plaintext).toHaveLength(32);
    const unwrapped = await kms.send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob }));
    expect(Buffer.from(unwrapped.Plaintext!)).toEqual(Buffer.from(dataKey.Plaintext!));
  });

  it('GetParametersForImport answers with a token valid for 24 hours and leaves the key PendingImport', async () => {
    const key = await createKey(kms, 'EXTERNAL');
    const before = Date.now();
    const params = await kms.send(new GetParametersForImportCommand({ KeyId: key.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
    const validFor = params.ParametersValidTo!.getTime() - before;
    expect(validFor).toBeGreaterThan(24 * 3_600_000 - 60_000);
    expect(validFor).toBeLessThanOrEqual(24 * 3_600_000 + 60_000);
    expect(params.ImportToken!.length).toBeGreaterThan(0);
    expect((await describeKey(kms, key.KeyId!)).KeyState).toBe('PendingImport');
  });
});

describe('wrapping pairs from the real generator', () => {
  let target: SdkTarget;
  let kms: KMSClient;

  beforeAll(async () => {
    target = await startSdkTarget({ wrappingKeyGenerator: rsaPairGenerator });
    kms = target.client();
  });
  afterAll(() => target.close());

  it('mints a new public key and token on every call, even for the same key and spec', async () => {
    const key = await createKey(kms, 'EXTERNAL');
    const request = { KeyId: key.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' } as const;
    const first = await kms.send(new GetParametersForImportCommand(request));
    const second = await kms.send(new GetParametersForImportCommand(request));
    expect(modulusBits(first.PublicKey!)).toBe(2048);
    expect(modulusBits(second.PublicKey!)).toBe(2048);
    expect(Buffer.from(second.PublicKey!)).not.toEqual(Buffer.from(first.PublicKey!));
    expect(Buffer.from(second.ImportToken!)).not.toEqual(Buffer.from(first.ImportToken!));
  }, 30_000);

  it('imports with a freshly generated pair', async () => {
    const key = await createKey(kms, 'EXTERNAL');
    const material = newMaterial();
    const imported = await importMaterial(kms, key.KeyId!, material, { algorithm: 'RSA_AES_KEY_WRAP_SHA_256', spec: 'RSA_2048' });
    expect(imported.KeyMaterialId).toBe(materialIdFor(key.KeyId!, material));
  }, 30_000);
});
