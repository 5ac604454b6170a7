/**
 * @module reference/operations/decrypt
 * Decrypt: the ciphertext names its key and material; the key must be usable, the material present
 * and the encryption context the one it was sealed with.
 */
import { kmsError } from '../errors.ts';
import { open, parseBlob } from '../model/key-material.ts';
import { defineOperation } from './define.ts';
import { CRYPTOGRAPHIC } from './key-states.ts';
import { checkUsable, refuseRecipient } from './symmetric.ts';

export const decrypt = defineOperation({
  name: 'Decrypt',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { keys }) {
    const blob = input.CiphertextBlob;
    if (!blob) {
      // The model no longer requires CiphertextBlob: a dry run with IGNORE_CIPHERTEXT checks only the
      // named key (CRY-046, CRY-119). Every other call needs it, answered like a missing member.
      const ignoreCiphertext = input.DryRun === true && (input.DryRunModifiers ?? []).includes('IGNORE_CIPHERTEXT');
      if (!ignoreCiphertext || input.KeyId === undefined) {
        throw kmsError('ValidationException', `1 validation error detected: Value null at '${ignoreCiphertext ? 'keyId' : 'ciphertextBlob'}' failed to satisfy constraint: Member must not be null`);
      }
      // DryRun is set, so this ends in DryRunOperationException once the key is found usable.
      checkUsable(keys.require(input.KeyId), 'Decrypt', input);
    }
    // InvalidCiphertextException carries no message on AWS (REQ-P5).
    const parsed = blob && parseBlob(blob);
    if (!parsed) throw kmsError('InvalidCiphertextException');
    if (input.KeyId !== undefined && keys.resolve(input.KeyId).keyId !== parsed.keyId) {
      throw kmsError('IncorrectKeyException', 'The key ID in the request does not identify the KMS key that encrypted the ciphertext.');
    }
    const key = keys.require(parsed.keyId);
    checkUsable(key, 'Decrypt', input);
    refuseRecipient(input.Recipient);
    const material = key.materials.find((m) => m.id === parsed.materialId);
    const plaintext = material && open(parsed, material, input.EncryptionContext);
    if (!material || !plaintext) throw kmsError('InvalidCiphertextException');
    return { KeyId: key.arn, Plaintext: plaintext, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT', KeyMaterialId: material.id };
  },
});
