/**
 * Encrypt, Decrypt and GenerateDataKey on a key's own material (ground truth REQ-E1, REQ-P5): the
 * encryption context is bound to the ciphertext, tampering is detected, and the key named in
 * Decrypt must be the one that encrypted.
 */
import { DecryptCommand, EncryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectKmsError } from '../test-support/expect-kms-error.ts';
import { createKey } from '../test-support/import-flow.ts';
import { startSdkTarget, type SdkTarget } from '../test-support/sdk-target.ts';

let target: SdkTarget;
let kms: KMSClient;
let keyId: string;
let keyArn: string;

beforeAll(async () => {
  target = await startSdkTarget();
  kms = target.client();
  const key = await createKey(kms, 'AWS_KMS');
  keyId = key.KeyId!;
  keyArn = key.Arn!;
});
afterAll(() => target.close());

const encrypt = (context?: Record<string, string>) =>
  kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('the plaintext'), ...(context && { EncryptionContext: context }) }));
const decrypt = (blob: Uint8Array, extra: Partial<ConstructorParameters<typeof DecryptCommand>[0]> = {}) =>
  kms.send(new DecryptCommand({ CiphertextBlob: blob, ...extra }));

describe('Encrypt and Decrypt', () => {
  it('Encrypt answers the key ARN and algorithm, without KeyMaterialId; Decrypt adds KeyMaterialId', async () => {
    const out = await encrypt();
    expect(out.KeyId).toBe(keyArn);
    expect(out.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
    expect(out).not.toHaveProperty('KeyMaterialId');
    const back = await decrypt(out.CiphertextBlob!);
    expect(Buffer.from(back.Plaintext!).toString()).toBe('the plaintext');
    expect(back.KeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('two encryptions of the same plaintext differ', async () => {
    const [a, b] = await Promise.all([encrypt(), encrypt()]);
    expect(Buffer.from(a.CiphertextBlob!)).not.toEqual(Buffer.from(b.CiphertextBlob!));
  });

  it('the same encryption context in another order decrypts', async () => {
    const out = await encrypt({ purpose: 'test', tenant: 'a' });
    const back = await decrypt(out.CiphertextBlob!, { EncryptionContext: { tenant: 'a', purpose: 'test' } });
    expect(Buffer.from(back.Plaintext!).toString()).toBe('the plaintext');
  });

  it.each([
    ['missing', undefined],
    ['different', { purpose: 'other' }],
    ['extended', { purpose: 'test', extra: '1' }],
  ])('a %s encryption context: InvalidCiphertextException', async (_label, context) => {
    const out = await encrypt({ purpose: 'test' });
    await expectKmsError(decrypt(out.CiphertextBlob!, context ? { EncryptionContext: context } : {}), 'InvalidCiphertextException');
  });

  it('a flipped ciphertext byte: InvalidCiphertextException', async () => {
    const blob = Buffer.from((await encrypt()).CiphertextBlob!);
    blob[blob.length - 1]! ^= 0x01;
    await expectKmsError(decrypt(blob), 'InvalidCiphertextException');
  });

  it('naming another key in Decrypt: IncorrectKeyException', async () => {
    const other = await createKey(kms, 'AWS_KMS');
    const out = await encrypt();
    await expectKmsError(decrypt(out.CiphertextBlob!, { KeyId: other.KeyId }), 'IncorrectKeyException');
    const named = await decrypt(out.CiphertextBlob!, { KeyId: keyArn });
    expect(named.KeyId).toBe(keyArn);
  });

  it('DryRun: DryRunOperationException after the checks pass', async () => {
    await expectKmsError(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), DryRun: true })), 'DryRunOperationException');
  });

  it('an asymmetric EncryptionAlgorithm on a symmetric key: InvalidKeyUsageException', async () => {
    await expectKmsError(
      kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' })),
      'InvalidKeyUsageException',
    );
  });
});

describe('GenerateDataKey', () => {
  it.each([
    [{ KeySpec: 'AES_256' as const }, 32],
    [{ KeySpec: 'AES_128' as const }, 16],
    [{ NumberOfBytes: 7 }, 7],
  ])('%o gives a plaintext of %i bytes whose ciphertext decrypts to it', async (request, length) => {
    const out = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, ...request }));
    expect(out.Plaintext).toHaveLength(length);
    expect(out.KeyId).toBe(keyArn);
    const back = await decrypt(out.CiphertextBlob!);
    expect(Buffer.from(back.Plaintext!)).toEqual(Buffer.from(out.Plaintext!));
  });

  it('neither KeySpec nor NumberOfBytes, or both: ValidationException', async () => {
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: keyId })), 'ValidationException');
    await expectKmsError(kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', NumberOfBytes: 32 })), 'ValidationException');
  });
});
