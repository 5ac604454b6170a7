/**
 * @module reference/operations/generate-data-key
 * GenerateDataKey: fresh random bytes, returned in plaintext and sealed under the key.
 */
import { dataKeyLength, requireDataKeyParent, sealDataKey } from './data-keys.ts';
import { defineOperation } from './define.ts';
import { CRYPTOGRAPHIC } from './key-states.ts';
import { refuseRecipient, stopIfDryRun } from './key-use.ts';

export const generateDataKey = defineOperation({
  name: 'GenerateDataKey',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { ctx, keys }) {
    const key = keys.require(input.KeyId);
    requireDataKeyParent(key, 'GenerateDataKey');
    const length = dataKeyLength(input.KeySpec, input.NumberOfBytes);
    refuseRecipient(input.Recipient);
    stopIfDryRun(input);
    const plaintext = ctx.randomBytes(length);
    const { blob, materialId } = sealDataKey(ctx, key, 'GenerateDataKey', plaintext, input.EncryptionContext);
    return { CiphertextBlob: blob, Plaintext: plaintext, KeyId: key.arn, KeyMaterialId: materialId };
  },
});
