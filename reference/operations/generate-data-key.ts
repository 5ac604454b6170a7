/**
 * @module reference/operations/generate-data-key
 * GenerateDataKey: fresh random bytes, returned in plaintext and sealed under the key.
 */
import { kmsError } from '../errors.ts';
import { defineOperation } from './define.ts';
import { CRYPTOGRAPHIC } from './key-states.ts';
import { checkUsable, encryptWith, refuseRecipient } from './symmetric.ts';

export const generateDataKey = defineOperation({
  name: 'GenerateDataKey',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { ctx, keys }) {
    const key = keys.require(input.KeyId);
    const { KeySpec: spec, NumberOfBytes: count } = input;
    if ((spec === undefined) === (count === undefined)) {
      throw kmsError('ValidationException', 'Give exactly one of KeySpec and NumberOfBytes.');
    }
    checkUsable(key, 'GenerateDataKey', input);
    refuseRecipient(input.Recipient);
    const plaintext = ctx.randomBytes(count ?? (spec === 'AES_128' ? 16 : 32));
    const { blob, material } = encryptWith(ctx, key, plaintext, input.EncryptionContext);
    return { CiphertextBlob: blob, Plaintext: plaintext, KeyId: key.arn, KeyMaterialId: material.id };
  },
});
