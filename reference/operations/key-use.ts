/**
 * @module reference/operations/key-use
 * The checks every cryptographic operation makes after the key gate, in AWS's order: the key's
 * usage first (recorded: a Sign with an HMAC key reports the usage, not the algorithm, CRY-066),
 * then the algorithm against the key spec, then the request's own limits, and DryRun last, so a
 * dry run answers DryRunOperationException only for a request that would have succeeded.
 */
import type { KeyUsageType, OperationName } from '../api/kms-api.generated.ts';
import { algorithmLists, type AlgorithmLists } from '../crypto/key-specs.ts';
import { kmsError, messages } from '../errors.ts';
import { currentMaterial, type KmsKey } from '../model/key.ts';

/** InvalidKeyUsageException unless the key has `usage`. */
export function requireUsage(key: KmsKey, usage: KeyUsageType, op: OperationName): void {
  if (key.keyUsage !== usage) throw kmsError('InvalidKeyUsageException', messages.keyUsageNotValid(key.arn, key.keyUsage, op));
}

/** InvalidKeyUsageException unless `algorithm` is in the key's list of that family. */
export function requireAlgorithm(key: KmsKey, family: keyof AlgorithmLists, algorithm: string): void {
  const allowed: readonly string[] = algorithmLists(key.keySpec, key.keyUsage)[family] ?? [];
  if (!allowed.includes(algorithm)) throw kmsError('InvalidKeyUsageException', messages.algorithmIncompatible(algorithm, key.keySpec));
}

/** Ends a dry run that got this far: everything that could fail has been checked. */
export function stopIfDryRun(input: { DryRun?: boolean }): void {
  if (input.DryRun === true) throw kmsError('DryRunOperationException', messages.dryRun);
}

/** Refuses what the reference cannot do: a Recipient needs an attestation document signed by AWS Nitro. */
export function refuseRecipient(recipient: unknown): void {
  if (recipient !== undefined) {
    throw kmsError(
      'UnsupportedOperationException',
      'The reference endpoint cannot verify Nitro Enclaves attestation documents, so it does not implement Recipient.',
    );
  }
}

/** The bytes of the key's current material (an Enabled key always has them). */
export function materialBytes(key: KmsKey): Buffer {
  const bytes = currentMaterial(key)?.bytes;
  if (!bytes) throw kmsError('KMSInvalidStateException', messages.pendingImport(key.arn));
  return bytes;
}

/** True for the symmetric encryption key spec. */
export const isSymmetric = (key: KmsKey): boolean => key.keySpec === 'SYMMETRIC_DEFAULT';
