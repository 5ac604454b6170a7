/**
 * @module reference/operations/crypto
 * Encrypt, Decrypt, GenerateDataKey with the key's real material (AES-256-GCM).
 */
import { kmsError, messages } from '../errors.ts';
import type { KmsKey } from '../model/key.ts';
import { open, parseBlob, seal } from '../model/key-material.ts';
import type { Handler, OperationContext } from './context.ts';
import { requireKey, resolveKey, usableMaterial, type GatedOperation } from './require-key.ts';

const IV_BYTES = 12;

/** Checks usage and algorithm for a symmetric encryption operation; DryRun stops here. */
function checkUsable(key: KmsKey, op: GatedOperation, input: Record<string, unknown>): void {
  if (key.keyUsage !== 'ENCRYPT_DECRYPT') throw kmsError('InvalidKeyUsageException', messages.keyUsageNotValid(key.arn, key.keyUsage, op));
  const algorithm = input.EncryptionAlgorithm as string | undefined;
  if (algorithm !== undefined && algorithm !== 'SYMMETRIC_DEFAULT') {
    throw kmsError('InvalidKeyUsageException', `The encryption algorithm ${algorithm} is not valid for ${key.arn}.`);
  }
  if (input.DryRun === true) throw kmsError('DryRunOperationException', 'The request would have succeeded; DryRun was set.');
}

function encryptWith(ctx: OperationContext, key: KmsKey, plaintext: Buffer, context: Record<string, string> | undefined) {
  const material = usableMaterial(key);
  return { blob: seal(key.keyId, material, plaintext, context, ctx.randomBytes(IV_BYTES)), material };
}

export const encrypt: Handler = async (input, ctx) => {
  const key = requireKey(ctx, input.KeyId as string, 'Encrypt');
  checkUsable(key, 'Encrypt', input);
  const { blob } = encryptWith(ctx, key, input.Plaintext as Buffer, input.EncryptionContext as Record<string, string> | undefined);
  return { CiphertextBlob: blob.toString('base64'), KeyId: key.arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
};

export const generateDataKey: Handler = async (input, ctx) => {
  const key = requireKey(ctx, input.KeyId as string, 'GenerateDataKey');
  const spec = input.KeySpec as string | undefined;
  const count = input.NumberOfBytes as number | undefined;
  if ((spec === undefined) === (count === undefined)) {
    throw kmsError('ValidationException', 'Give exactly one of KeySpec and NumberOfBytes.');
  }
  checkUsable(key, 'GenerateDataKey', input);
  const plaintext = ctx.randomBytes(count ?? (spec === 'AES_128' ? 16 : 32));
  const { blob, material } = encryptWith(ctx, key, plaintext, input.EncryptionContext as Record<string, string> | undefined);
  return { CiphertextBlob: blob.toString('base64'), Plaintext: plaintext.toString('base64'), KeyId: key.arn, KeyMaterialId: material.id };
};

export const decrypt: Handler = async (input, ctx) => {
  const blob = input.CiphertextBlob as Buffer | undefined;
  if (!blob) throw kmsError('ValidationException', '1 validation error detected: Value null at \'ciphertextBlob\' failed to satisfy constraint: Member must not be null');
  // InvalidCiphertextException carries no message on AWS (REQ-P5).
  const parsed = parseBlob(blob);
  if (!parsed) throw kmsError('InvalidCiphertextException');
  if (input.KeyId !== undefined) {
    const named = resolveKey(ctx, input.KeyId as string, 'Decrypt');
    if (named.keyId !== parsed.keyId) throw kmsError('IncorrectKeyException', 'The key ID in the request does not identify the KMS key that encrypted the ciphertext.');
  }
  const key = requireKey(ctx, parsed.keyId, 'Decrypt');
  checkUsable(key, 'Decrypt', input);
  const material = key.materials.find((m) => m.id === parsed.materialId);
  const plaintext = material && open(parsed, material, input.EncryptionContext as Record<string, string> | undefined);
  if (!plaintext) throw kmsError('InvalidCiphertextException');
  return { KeyId: key.arn, Plaintext: plaintext.toString('base64'), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT', KeyMaterialId: material!.id };
};
