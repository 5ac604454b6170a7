/**
 * @module reference/operations/untag-resource
 * UntagResource: removes tags of a key by tag key (not one pending deletion).
 */
import { defineOperation } from './define.ts';
import { NOT_PENDING_DELETION } from './key-states.ts';

export const untagResource = defineOperation({
  name: 'UntagResource',
  keys: { states: NOT_PENDING_DELETION, aliases: false, crossAccount: false },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    for (const k of input.TagKeys) key.tags.delete(k);
  },
});
