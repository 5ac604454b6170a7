/**
 * @module reference/operations/get-key-last-usage
 * GetKeyLastUsage (2026): the key's last successful cryptographic operation, recorded by invoke.ts
 * for the operations of the model's KeyLastUsageTrackingOperation enum. The reference tracks every
 * key from its creation, so TrackingStartDate is the creation date; an unused key answers an
 * empty KeyLastUsage. No key state is modeled for it, so every state answers.
 */
import { defineOperation } from './define.ts';
import { ANY_STATE } from './key-states.ts';

export const getKeyLastUsage = defineOperation({
  name: 'GetKeyLastUsage',
  // "Alias names are not supported"; cross-account use: No (key-management §5.2).
  keys: { states: ANY_STATE, aliases: false, crossAccount: false },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    return { KeyId: key.arn, KeyLastUsage: { ...key.lastUsage }, TrackingStartDate: key.creationDate, KeyCreationDate: key.creationDate };
  },
});
