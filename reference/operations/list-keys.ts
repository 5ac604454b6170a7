/**
 * @module reference/operations/list-keys
 * ListKeys: the caller's keys in the region, paged. The reference shares no keys through AWS RAM, so
 * `ResourceOwners: [OTHER_ACCOUNTS_VIA_RAM]` alone lists nothing.
 */
import { settle } from '../model/material-lifecycle.ts';
import { defineOperation } from './define.ts';
import { pageMembers, paginate } from './pagination.ts';

export const listKeys = defineOperation({
  name: 'ListKeys',
  async handle(input, { ctx }) {
    const own = input.ResourceOwners === undefined || input.ResourceOwners.includes('SELF');
    const live = own ? [...ctx.region.keys.values()].filter((k) => settle(ctx.store, k, ctx.now())) : [];
    const page = paginate(live, input.Limit, input.Marker, 100, (k) => ({ at: k.creationDate.getTime(), id: k.keyId }));
    return { Keys: page.items.map((k) => ({ KeyId: k.keyId, KeyArn: k.arn })), ...pageMembers(page) };
  },
});
