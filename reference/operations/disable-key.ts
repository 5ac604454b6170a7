/**
 * @module reference/operations/disable-key
 * DisableKey: an Enabled or Disabled key becomes Disabled.
 */
import { defineOperation } from './define.ts';
import { ENABLE_DISABLE } from './key-states.ts';

export const disableKey = defineOperation({
  name: 'DisableKey',
  keys: { states: ENABLE_DISABLE, aliases: false, crossAccount: false },
  async handle(input, { keys }) {
    keys.require(input.KeyId).state = 'Disabled';
  },
});
