/**
 * @module reference/operations/enable-key
 * EnableKey: an Enabled or Disabled key becomes Enabled.
 */
import { defineOperation } from './define.ts';
import { ENABLE_DISABLE } from './key-states.ts';

export const enableKey = defineOperation({
  name: 'EnableKey',
  keys: { states: ENABLE_DISABLE, aliases: false, crossAccount: false },
  async handle(input, { keys }) {
    keys.require(input.KeyId).state = 'Enabled';
  },
});
