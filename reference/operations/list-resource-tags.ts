/**
 * @module reference/operations/list-resource-tags
 * ListResourceTags: a key's tags, paged, in every key state.
 */
import { defineOperation } from './define.ts';
import { ANY_STATE } from './key-states.ts';
import { pageMembers, paginate } from './pagination.ts';

export const listResourceTags = defineOperation({
  name: 'ListResourceTags',
  keys: { states: ANY_STATE, aliases: false, crossAccount: false },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    const all = [...key.tags].map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
    const page = paginate(all, input.Limit, input.Marker, 50);
    return { Tags: page.items, ...pageMembers(page) };
  },
});
