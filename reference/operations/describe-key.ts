/**
 * @module reference/operations/describe-key
 * DescribeKey: the key's metadata, in every key state, by any identifier form (aliases included);
 * usable on another account's key.
 */
import { keyMetadata } from '../model/key.ts';
import { defineOperation } from './define.ts';
import { ANY_STATE } from './key-states.ts';

export const describeKey = defineOperation({
  name: 'DescribeKey',
  keys: { states: ANY_STATE, aliases: true, crossAccount: true },
  async handle(input, { keys }) {
    return { KeyMetadata: keyMetadata(keys.require(input.KeyId)) };
  },
});
