/**
 * @module reference/operations/alias-names
 * What CreateAlias and UpdateAlias require of an alias name, beyond the model's pattern.
 */
import { kmsError } from '../errors.ts';
import { aliasArn } from '../model/arn.ts';
import type { OperationContext } from './context.ts';

export function checkAliasName(ctx: OperationContext, name: string): void {
  if (!name.startsWith('alias/') || name.length <= 'alias/'.length) {
    // Recorded (key-management §4.3, test_create_alias).
    throw kmsError('ValidationException', 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html');
  }
  // Recorded (third party, key-management MGT-082): the colon the model's pattern allows is refused.
  if (name.includes(':')) throw kmsError('ValidationException', `${name} contains invalid characters for an alias`);
  if (name.startsWith('alias/aws/')) {
    throw kmsError('NotAuthorizedException', `The alias prefix 'alias/aws/' is reserved for AWS managed keys (${aliasArn(ctx.partition, ctx.regionName, ctx.accountId, name)}).`);
  }
}

/** Aliases per key (quota, adjustable on AWS; recorded text at the limit, MGT-090). */
export const ALIASES_PER_KEY = 50;

export function checkAliasQuota(ctx: OperationContext, targetKeyId: string): void {
  const usage = [...ctx.region.aliases.values()].filter((a) => a.targetKeyId === targetKeyId).length;
  if (usage >= ALIASES_PER_KEY) {
    throw kmsError('LimitExceededException', `Aliases per key quota for this account in this region is ${ALIASES_PER_KEY}, current usage is ${usage}.`);
  }
}
