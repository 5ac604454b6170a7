/**
 * @module reference/operations/generate-data-key-without-plaintext
 * GenerateDataKeyWithoutPlaintext: GenerateDataKey that returns only the sealed data key.
 */
import { dataKeyLength, requireDataKeyParent, sealDataKey } from './data-keys.ts';
import { defineOperation } from './define.ts';
import { CRYPTOGRAPHIC } from './key-states.ts';
import { stopIfDryRun } from './key-use.ts';

export const generateDataKeyWithoutPlaintext = defineOperation({
  name: 'GenerateDataKeyWithoutPlaintext',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { ctx, keys }) {
    const key = keys.require(input.KeyId);
    requireDataKeyParent(key, 'GenerateDataKeyWithoutPlaintext');
    const length = dataKeyLength(input.KeySpec, input.NumberOfBytes);
    stopIfDryRun(input);
    const { blob, materialId } = sealDataKey(ctx, key, 'GenerateDataKeyWithoutPlaintext', ctx.randomBytes(length), input.EncryptionContext);
    return { CiphertextBlob: blob, KeyId: key.arn, KeyMaterialId: materialId };
  },
});
