/**
 * @module reference/operations/encrypt
 * Encrypt: AES-256-GCM under a symmetric key's current material, bound to the encryption context;
 * RSAES-OAEP under an RSA key's public key, within the algorithm's plaintext limit (CRY-028).
 */
import { defineOperation } from './define.ts';
import { prepareEncrypt } from './encryption.ts';
import { CRYPTOGRAPHIC } from './key-states.ts';

export const encrypt = defineOperation({
  name: 'Encrypt',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { ctx, keys }) {
    const key = keys.require(input.KeyId);
    const run = prepareEncrypt(ctx, key, 'Encrypt', {
      plaintext: input.Plaintext,
      algorithm: input.EncryptionAlgorithm,
      context: input.EncryptionContext,
      dryRun: input.DryRun,
    });
    const { blob, algorithm } = run();
    // Encrypt reports no KeyMaterialId (CRY-025).
    return { CiphertextBlob: blob, KeyId: key.arn, EncryptionAlgorithm: algorithm };
  },
});
