/**
 * @module reference/operations/alias-names
 * What CreateAlias (and later UpdateAlias) require of an alias name, beyond the model's pattern.
 */
import { kmsError } from '../errors.ts';
import { aliasArn } from '../model/arn.ts';
import type { OperationContext } from './context.ts';

export function checkAliasName(ctx: OperationContext, name: string): void {
  if (!name.startsWith('alias/') || name.length <= 'alias/'.length) {
    throw kmsError('ValidationException', `Alias names must begin with 'alias/' and name something: ${name}`);
  }
  if (name.startsWith('alias/aws/')) {
    throw kmsError('NotAuthorizedException', `The alias prefix 'alias/aws/' is reserved for AWS managed keys (${aliasArn(ctx.partition, ctx.regionName, ctx.accountId, name)}).`);
  }
}
