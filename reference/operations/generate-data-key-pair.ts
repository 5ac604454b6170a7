/**
 * @module reference/operations/generate-data-key-pair
 * GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext: a fresh key pair of the requested
 * spec, its public key as DER SubjectPublicKeyInfo and its private key as DER PKCS#8, sealed under
 * a symmetric KMS key (ML-KEM private keys in seed form, as AWS documents).
 */
import type { DataKeyPairSpec } from '../api/kms-api.generated.ts';
import { dataKeyPair } from '../crypto/key-pairs.ts';
import { isChinaRegion } from '../crypto/key-specs.ts';
import { kmsError } from '../errors.ts';
import type { OperationContext } from './context.ts';
import { requireDataKeyParent, sealDataKey } from './data-keys.ts';
import { defineOperation, type KeyGate } from './define.ts';
import { CRYPTOGRAPHIC } from './key-states.ts';
import { refuseRecipient, stopIfDryRun } from './key-use.ts';

/**
 * SM2 pairs exist only in the China Regions and ML-KEM pairs never there (GenerateDataKeyPair docs);
 * the reference has no SM2 at all. The operation models UnsupportedOperationException; that this is
 * AWS's answer here is inferred.
 */
function requireAvailable(ctx: OperationContext, spec: DataKeyPairSpec): void {
  if (spec === 'SM2') throw kmsError('UnsupportedOperationException', 'SM2 data key pairs are available only in the China Regions, and the reference does not implement SM2.');
  if (spec.startsWith('ML_KEM') && isChinaRegion(ctx.regionName)) throw kmsError('UnsupportedOperationException', `${spec} data key pairs are not available in the China Regions.`);
}

interface PairRequest {
  KeyId: string;
  KeyPairSpec: DataKeyPairSpec;
  EncryptionContext?: Record<string, string>;
  DryRun?: boolean;
}

async function generatePair(ctx: OperationContext, keys: KeyGate, op: 'GenerateDataKeyPair' | 'GenerateDataKeyPairWithoutPlaintext', input: PairRequest) {
  const key = keys.require(input.KeyId);
  requireDataKeyParent(key, op);
  requireAvailable(ctx, input.KeyPairSpec);
  stopIfDryRun(input);
  const pair = await dataKeyPair(input.KeyPairSpec, ctx.randomBytes);
  const { blob, materialId } = sealDataKey(ctx, key, op, pair.privateKey, input.EncryptionContext);
  return { key, pair, blob, materialId };
}

export const generateDataKeyPair = defineOperation({
  name: 'GenerateDataKeyPair',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { ctx, keys }) {
    refuseRecipient(input.Recipient);
    const { key, pair, blob, materialId } = await generatePair(ctx, keys, 'GenerateDataKeyPair', input);
    return {
      PrivateKeyCiphertextBlob: blob,
      PrivateKeyPlaintext: pair.privateKey,
      PublicKey: pair.publicKey,
      KeyId: key.arn,
      KeyPairSpec: input.KeyPairSpec,
      KeyMaterialId: materialId,
    };
  },
});

export const generateDataKeyPairWithoutPlaintext = defineOperation({
  name: 'GenerateDataKeyPairWithoutPlaintext',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { ctx, keys }) {
    const { key, pair, blob, materialId } = await generatePair(ctx, keys, 'GenerateDataKeyPairWithoutPlaintext', input);
    return { PrivateKeyCiphertextBlob: blob, PublicKey: pair.publicKey, KeyId: key.arn, KeyPairSpec: input.KeyPairSpec, KeyMaterialId: materialId };
  },
});
