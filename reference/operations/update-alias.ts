/**
 * @module reference/operations/update-alias
 * UpdateAlias: points an existing alias at another key of the caller's account. The new key must be
 * of the same type (symmetric, asymmetric or HMAC) and key usage as the current one (UpdateAlias
 * docs); AWS's error for a mismatch is not known, the reference answers ValidationException.
 */
import { kmsError } from '../errors.ts';
import { aliasArn } from '../model/arn.ts';
import { KEY_SPECS } from '../crypto/key-specs.ts';
import type { KmsKey } from '../model/key.ts';
import { checkAliasName, checkAliasQuota } from './alias-names.ts';
import { defineOperation } from './define.ts';
import { settleAll } from './gate.ts';
import { NOT_PENDING_DELETION } from './key-states.ts';

const kindOf = (key: KmsKey): string => {
  const family = KEY_SPECS[key.keySpec].family;
  return family === 'symmetric' || family === 'hmac' ? family : 'asymmetric';
};

export const updateAlias = defineOperation({
  name: 'UpdateAlias',
  keys: { states: NOT_PENDING_DELETION, aliases: false, crossAccount: false },
  async handle(input, { ctx, keys }) {
    const name = input.AliasName;
    checkAliasName(ctx, name);
    const target = keys.require(input.TargetKeyId);
    settleAll(ctx);
    const alias = ctx.region.aliases.get(name);
    if (!alias) throw kmsError('NotFoundException', `Alias ${aliasArn(ctx.partition, ctx.regionName, ctx.accountId, name)} is not found.`);
    const current = ctx.region.keys.get(alias.targetKeyId);
    if (current && (kindOf(current) !== kindOf(target) || current.keyUsage !== target.keyUsage)) {
      throw kmsError(
        'ValidationException',
        `${target.arn} cannot be the target of ${alias.aliasArn}: the alias's key is a ${kindOf(current)} ${current.keyUsage} key and the new one must be of the same type and key usage.`,
      );
    }
    if (alias.targetKeyId !== target.keyId) checkAliasQuota(ctx, target.keyId);
    alias.targetKeyId = target.keyId;
    alias.lastUpdatedDate = ctx.now();
  },
});
