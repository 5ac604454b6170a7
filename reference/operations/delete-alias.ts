/**
 * @module reference/operations/delete-alias
 * DeleteAlias: removes an alias of the caller's account; the key is untouched.
 */
import { kmsError } from '../errors.ts';
import { aliasArn } from '../model/arn.ts';
import { defineOperation } from './define.ts';

export const deleteAlias = defineOperation({
  name: 'DeleteAlias',
  async handle(input, { ctx }) {
    const name = input.AliasName;
    if (!ctx.region.aliases.delete(name)) {
      throw kmsError('NotFoundException', `Alias ${aliasArn(ctx.partition, ctx.regionName, ctx.accountId, name)} is not found.`);
    }
  },
});
