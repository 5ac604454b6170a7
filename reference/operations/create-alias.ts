/**
 * @module reference/operations/create-alias
 * CreateAlias: a new alias name for a key of the caller's account (not one pending deletion).
 */
import { kmsError } from '../errors.ts';
import { aliasArn } from '../model/arn.ts';
import { checkAliasName, checkAliasQuota } from './alias-names.ts';
import { defineOperation } from './define.ts';
import { settleAll } from './gate.ts';
import { NOT_PENDING_DELETION } from './key-states.ts';

export const createAlias = defineOperation({
  name: 'CreateAlias',
  keys: { states: NOT_PENDING_DELETION, aliases: false, crossAccount: false },
  async handle(input, { ctx, keys }) {
    const name = input.AliasName;
    checkAliasName(ctx, name);
    const key = keys.require(input.TargetKeyId);
    settleAll(ctx);
    const arn = aliasArn(ctx.partition, ctx.regionName, ctx.accountId, name);
    if (ctx.region.aliases.has(name)) throw kmsError('AlreadyExistsException', `An alias with the name ${arn} already exists`);
    checkAliasQuota(ctx, key.keyId);
    const now = ctx.now();
    ctx.region.aliases.set(name, { aliasName: name, aliasArn: arn, targetKeyId: key.keyId, creationDate: now, lastUpdatedDate: now });
  },
});
