/**
 * @module reference/operations/encrypt
 * Encrypt: AES-256-GCM under the key's current material, bound to the encryption context.
 */
import { defineOperation } from './define.ts';
import { CRYPTOGRAPHIC } from './key-states.ts';
import { checkUsable, encryptWith } from './symmetric.ts';

export const encrypt = defineOperation({
  name: 'Encrypt',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { ctx, keys }) {
    const key = keys.require(input.KeyId);
    checkUsable(key, 'Encrypt', input);
    const { blob } = encryptWith(ctx, key, input.Plaintext, input.EncryptionContext);
    return { CiphertextBlob: blob, KeyId: key.arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
  },
});
