/**
 * @module reference/operations/list-aliases
 * ListAliases: the caller's aliases in the region, or those of one key, paged.
 */
import type { AliasListEntry } from '../api/kms-api.generated.ts';
import type { Alias } from '../model/store.ts';
import { defineOperation } from './define.ts';
import { settleAll } from './gate.ts';
import { ANY_STATE } from './key-states.ts';
import { pageMembers, paginate } from './pagination.ts';

function entry(a: Alias): AliasListEntry {
  return { AliasName: a.aliasName, AliasArn: a.aliasArn, TargetKeyId: a.targetKeyId, CreationDate: a.creationDate, LastUpdatedDate: a.lastUpdatedDate };
}

export const listAliases = defineOperation({
  name: 'ListAliases',
  keys: { states: ANY_STATE, aliases: false, crossAccount: false },
  async handle(input, { ctx, keys }) {
    const keyId = input.KeyId === undefined ? undefined : keys.require(input.KeyId).keyId;
    settleAll(ctx);
    const all = [...ctx.region.aliases.values()].filter((a) => keyId === undefined || a.targetKeyId === keyId);
    const page = paginate(all, input.Limit, input.Marker, 50, (a) => ({ at: a.creationDate.getTime(), id: a.aliasName }));
    return { Aliases: page.items.map(entry), ...pageMembers(page) };
  },
});
