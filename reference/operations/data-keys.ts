/**
 * @module reference/operations/data-keys
 * What the data key operations share: the KMS key must be a symmetric encryption key ("You cannot
 * specify an asymmetric KMS key", GenerateDataKey docs), and the data key is sealed under it like an
 * Encrypt, bound to the encryption context.
 */
import type { OperationName } from '../api/kms-api.generated.ts';
import { kmsError, messages } from '../errors.ts';
import type { KmsKey } from '../model/key.ts';
import type { OperationContext } from './context.ts';
import { prepareEncrypt } from './encryption.ts';
import { isSymmetric, requireUsage } from './key-use.ts';

/**
 * Checks `key` can protect data keys; AWS's message for an RSA encryption key is not known, the
 * reference answers as Encrypt without an algorithm does on one (recorded, CRY-031).
 */
export function requireDataKeyParent(key: KmsKey, op: OperationName): void {
  requireUsage(key, 'ENCRYPT_DECRYPT', op);
  if (!isSymmetric(key)) throw kmsError('InvalidKeyUsageException', messages.algorithmIncompatible('SYMMETRIC_DEFAULT', key.keySpec));
}

/** Seals a data key (or a data key pair's private key) under `key`. */
export function sealDataKey(ctx: OperationContext, key: KmsKey, op: OperationName, plaintext: Buffer, context: Record<string, string> | undefined) {
  const { blob, materialId } = prepareEncrypt(ctx, key, op, { plaintext, algorithm: undefined, context })();
  return { blob, materialId: materialId! };
}

/** GenerateDataKey's length rule: exactly one of KeySpec and NumberOfBytes (AWS's texts are not known). */
export function dataKeyLength(spec: 'AES_128' | 'AES_256' | undefined, count: number | undefined): number {
  if ((spec === undefined) === (count === undefined)) throw kmsError('ValidationException', 'Give exactly one of KeySpec and NumberOfBytes.');
  return count ?? (spec === 'AES_128' ? 16 : 32);
}
