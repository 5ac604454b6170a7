/**
 * @module reference/operations/symmetric
 * What the symmetric encryption operations share: the key must be for encryption and the algorithm
 * SYMMETRIC_DEFAULT; DryRun stops after those checks; data is sealed with the current material.
 */
import type { EncryptionAlgorithmSpec, OperationName } from '../api/kms-api.generated.ts';
import { kmsError, messages } from '../errors.ts';
import type { KmsKey } from '../model/key.ts';
import { currentMaterial } from '../model/key.ts';
import { seal } from '../model/key-material.ts';
import type { OperationContext } from './context.ts';

const IV_BYTES = 12;

/** Checks usage and algorithm for a symmetric encryption operation; DryRun stops here. */
export function checkUsable(key: KmsKey, op: OperationName, input: { EncryptionAlgorithm?: EncryptionAlgorithmSpec; DryRun?: boolean }): void {
  if (key.keyUsage !== 'ENCRYPT_DECRYPT') throw kmsError('InvalidKeyUsageException', messages.keyUsageNotValid(key.arn, key.keyUsage, op));
  const algorithm = input.EncryptionAlgorithm;
  if (algorithm !== undefined && algorithm !== 'SYMMETRIC_DEFAULT') {
    throw kmsError('InvalidKeyUsageException', `The encryption algorithm ${algorithm} is not valid for ${key.arn}.`);
  }
  if (input.DryRun === true) throw kmsError('DryRunOperationException', 'The request would have succeeded; DryRun was set.');
}

/** Refuses what the reference cannot do: encrypting for a Nitro enclave needs a real attestation. */
export function refuseRecipient(recipient: unknown): void {
  if (recipient !== undefined) {
    throw kmsError('UnsupportedOperationException', 'The reference endpoint does not implement Recipient (AWS Nitro Enclaves attestation).');
  }
}

/** Seals `plaintext` under the key's current material (an Enabled key always has one). */
export function encryptWith(ctx: OperationContext, key: KmsKey, plaintext: Buffer, context: Record<string, string> | undefined) {
  const material = currentMaterial(key);
  if (!material?.bytes) throw kmsError('KMSInvalidStateException', messages.pendingImport(key.arn));
  return { blob: seal(key.keyId, material, plaintext, context, ctx.randomBytes(IV_BYTES)), material };
}
