/**
 * @module reference/operations/get-parameters-for-import
 * GetParametersForImport: a fresh RSA wrapping key and an import token bound to the key, valid 24 h
 * (ground truth c.5).
 */
import { kmsError } from '../errors.ts';
import type { ImportParameters } from '../model/store.ts';
import { defineOperation } from './define.ts';
import { PARAMETERS_TTL_MS, pruneExpiredTokens } from './import-steps.ts';
import { IMPORT_PARAMETERS } from './key-states.ts';

export const getParametersForImport = defineOperation({
  name: 'GetParametersForImport',
  keys: { states: IMPORT_PARAMETERS, aliases: false, crossAccount: false, origins: ['EXTERNAL'] },
  async handle(input, { ctx, keys }) {
    const key = keys.require(input.KeyId);
    const { WrappingAlgorithm: algorithm, WrappingKeySpec: spec } = input;
    // RSAES_PKCS1_V1_5 is no longer supported since 2023-10-10; SM2 exists only in China Regions
    // (REQ-G5). AWS's error for these is not known; the reference refuses them as unsupported.
    if (algorithm === 'RSAES_PKCS1_V1_5' || algorithm === 'SM2PKE' || spec === 'SM2') {
      throw kmsError('UnsupportedOperationException', `The wrapping algorithm ${algorithm} with wrapping key spec ${spec} is not supported.`);
    }
    const pair = await ctx.wrappingKeys.take(spec);
    const now = ctx.now();
    pruneExpiredTokens(ctx, now);
    const token = ctx.randomBytes(64);
    const params: ImportParameters = {
      keyArn: key.arn,
      privateKey: pair.privateKey,
      wrappingAlgorithm: algorithm,
      wrappingKeySpec: spec,
      validTo: new Date(now.getTime() + PARAMETERS_TTL_MS),
    };
    ctx.region.importTokens.set(token.toString('hex'), params);
    return {
      KeyId: key.arn,
      ImportToken: token,
      PublicKey: pair.publicKey.export({ type: 'spki', format: 'der' }),
      ParametersValidTo: params.validTo,
    };
  },
});
