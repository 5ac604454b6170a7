/**
 * @module reference/operations/generate-random
 * GenerateRandom: NumberOfBytes random bytes (1–1024). The model does not require NumberOfBytes but
 * AWS does, with its own message (recorded, CRY-062). No KMS key is involved, so no key state.
 */
import { kmsError, messages } from '../errors.ts';
import { defineOperation } from './define.ts';
import { refuseRecipient } from './key-use.ts';

export const generateRandom = defineOperation({
  name: 'GenerateRandom',
  async handle(input, { ctx }) {
    if (input.NumberOfBytes === undefined) throw kmsError('ValidationException', messages.numberOfBytesRequired);
    // The reference has no custom key stores, so every id names none.
    if (input.CustomKeyStoreId !== undefined) {
      throw kmsError('CustomKeyStoreNotFoundException', `Custom key store '${input.CustomKeyStoreId}' does not exist.`);
    }
    refuseRecipient(input.Recipient);
    return { Plaintext: ctx.randomBytes(input.NumberOfBytes) };
  },
});
