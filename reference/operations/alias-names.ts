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
  if (name.startsWith('alias/aws/')) {
    throw kmsError('NotAuthorizedException', `The alias prefix 'alias/aws/' is reserved for AWS managed keys (${aliasArn(ctx.partition, ctx.regionName, ctx.accountId, name)}).`);
  }
}
