/**
 * @module reference/operations/aliases
 * CreateAlias, DeleteAlias, ListAliases.
 */
import { kmsError } from '../errors.ts';
import { aliasArn } from '../model/arn.ts';
import { epochSeconds } from '../model/key.ts';
import type { Alias } from '../model/store.ts';
import type { Handler, OperationContext } from './context.ts';
import { pageOutput, paginate } from './pagination.ts';
import { requireKey, settleAll } from './require-key.ts';

function checkAliasName(ctx: OperationContext, name: string): void {
  if (!name.startsWith('alias/') || name.length <= 'alias/'.length) {
    throw kmsError('ValidationException', `Alias names must begin with 'alias/' and name something: ${name}`);
  }
  if (name.startsWith('alias/aws/')) {
    throw kmsError('NotAuthorizedException', `The alias prefix 'alias/aws/' is reserved for AWS managed keys (${aliasArn(ctx.partition, ctx.regionName, ctx.accountId, name)}).`);
  }
}

export const createAlias: Handler = async (input, ctx) => {
  const name = input.AliasName as string;
  checkAliasName(ctx, name);
  const key = requireKey(ctx, input.TargetKeyId as string, 'CreateAlias');
  settleAll(ctx);
  const arn = aliasArn(ctx.partition, ctx.regionName, ctx.accountId, name);
  if (ctx.region.aliases.has(name)) throw kmsError('AlreadyExistsException', `An alias with the name ${arn} already exists`);
  const now = ctx.now();
  ctx.region.aliases.set(name, { aliasName: name, aliasArn: arn, targetKeyId: key.keyId, creationDate: now, lastUpdatedDate: now });
  return undefined;
};

export const deleteAlias: Handler = async (input, ctx) => {
  const name = input.AliasName as string;
  if (!ctx.region.aliases.delete(name)) {
    throw kmsError('NotFoundException', `Alias ${aliasArn(ctx.partition, ctx.regionName, ctx.accountId, name)} is not found.`);
  }
  return undefined;
};

function aliasEntry(a: Alias): Record<string, unknown> {
  return {
    AliasName: a.aliasName,
    AliasArn: a.aliasArn,
    TargetKeyId: a.targetKeyId,
    CreationDate: epochSeconds(a.creationDate),
    LastUpdatedDate: epochSeconds(a.lastUpdatedDate),
  };
}

export const listAliases: Handler = async (input, ctx) => {
  const keyId = input.KeyId === undefined ? undefined : requireKey(ctx, input.KeyId as string, 'ListAliases').keyId;
  settleAll(ctx);
  const all = [...ctx.region.aliases.values()].filter((a) => keyId === undefined || a.targetKeyId === keyId);
  const page = paginate(all, input.Limit as number | undefined, input.Marker as string | undefined, 50);
  return pageOutput('Aliases', { ...page, items: page.items.map(aliasEntry) });
};
