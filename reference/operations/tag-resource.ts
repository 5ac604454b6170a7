/**
 * @module reference/operations/tag-resource
 * TagResource: adds or replaces tags of a key (not one pending deletion).
 */
import { defineOperation } from './define.ts';
import { NOT_PENDING_DELETION } from './key-states.ts';
import { withTags } from './tag-list.ts';

export const tagResource = defineOperation({
  name: 'TagResource',
  keys: { states: NOT_PENDING_DELETION, aliases: false, crossAccount: false },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    key.tags = withTags(key.tags, input.Tags);
  },
});
