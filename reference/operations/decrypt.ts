/**
 * @module reference/operations/decrypt
 * Decrypt: a symmetric ciphertext names its key and material; the key must be usable, the material
 * present and the encryption context the one it was sealed with. An RSA ciphertext is decrypted
 * with the key and algorithm the request names.
 */
import { defineOperation } from './define.ts';
import { decryptWith } from './encryption.ts';
import { CRYPTOGRAPHIC } from './key-states.ts';
import { refuseRecipient } from './key-use.ts';

export const decrypt = defineOperation({
  name: 'Decrypt',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { ctx, keys }) {
    refuseRecipient(input.Recipient);
    const out = decryptWith(keys, 'Decrypt', {
      blob: input.CiphertextBlob,
      keyId: input.KeyId,
      algorithm: input.EncryptionAlgorithm,
      context: input.EncryptionContext,
      region: ctx.regionName,
      dryRun: input.DryRun,
      ignoreCiphertext: (input.DryRunModifiers ?? []).includes('IGNORE_CIPHERTEXT'),
    });
    // KeyMaterialId is present only for symmetric keys (Decrypt response docs, CRY-036).
    return { KeyId: out.key.arn, Plaintext: out.plaintext, EncryptionAlgorithm: out.algorithm, ...(out.materialId && { KeyMaterialId: out.materialId }) };
  },
});
