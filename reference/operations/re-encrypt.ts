/**
 * @module reference/operations/re-encrypt
 * ReEncrypt: decrypt under the source key and encrypt under the destination key in one call; the
 * plaintext never leaves. Both keys go through the gate and their checks before anything is done,
 * and a dry run stops once both would have succeeded.
 */
import { defineOperation } from './define.ts';
import { decryptWith, prepareEncrypt } from './encryption.ts';
import { CRYPTOGRAPHIC } from './key-states.ts';
import { stopIfDryRun } from './key-use.ts';

export const reEncrypt = defineOperation({
  name: 'ReEncrypt',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { ctx, keys }) {
    const destination = keys.require(input.DestinationKeyId, { action: 'ReEncryptTo', encryptionContext: input.DestinationEncryptionContext });
    const source = decryptWith(keys, 'ReEncrypt', {
      blob: input.CiphertextBlob,
      keyId: input.SourceKeyId,
      algorithm: input.SourceEncryptionAlgorithm,
      context: input.SourceEncryptionContext,
      region: ctx.regionName,
      ignoreCiphertext: false,
    });
    const run = prepareEncrypt(ctx, destination, 'ReEncrypt', {
      plaintext: source.plaintext,
      algorithm: input.DestinationEncryptionAlgorithm,
      context: input.DestinationEncryptionContext,
    });
    stopIfDryRun(input);
    const out = run();
    // The 2025-06-09 recording of ReEncrypt has no Source/DestinationKeyMaterialId although the model
    // has them (CRY-042, CRY-044); the reference answers as recorded.
    return {
      CiphertextBlob: out.blob,
      SourceKeyId: source.key.arn,
      KeyId: destination.arn,
      SourceEncryptionAlgorithm: source.algorithm,
      DestinationEncryptionAlgorithm: out.algorithm,
    };
  },
});
