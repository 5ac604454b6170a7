/**
 * @module reference/operations/update-key-description
 * UpdateKeyDescription: replaces a key's description (0–8192 characters, the model's limit).
 */
import { defineOperation } from './define.ts';
import { NOT_PENDING_DELETION } from './key-states.ts';

export const updateKeyDescription = defineOperation({
  name: 'UpdateKeyDescription',
  keys: { states: NOT_PENDING_DELETION, aliases: false, crossAccount: false },
  async handle(input, { keys }) {
    keys.require(input.KeyId).description = input.Description;
  },
});
