/**
 * Compile-time checks of the operation definitions (never run; `tsc` checks them, and
 * test/typecheck.test.ts runs `tsc`): each `@ts-expect-error` marks a mistake the types must refuse.
 * If one stops being an error, the directive itself fails to compile.
 */
import type { OperationName } from '../api/kms-api.generated.ts';
import { defineOperation } from './define.ts';
import type { OperationList } from './index.ts';
import { ANY_STATE, type StateTable } from './key-states.ts';

// A handler answering another operation's output.
defineOperation({
  name: 'DescribeKey',
  keys: { states: ANY_STATE, aliases: true, crossAccount: true },
  // @ts-expect-error DescribeKey answers { KeyMetadata }, not { KeyId }
  async handle(input) {
    return { KeyId: input.KeyId };
  },
});

// A handler reaching for the key gate of an operation that declared no key policy.
defineOperation({
  name: 'ListKeys',
  async handle(_input, call) {
    // @ts-expect-error ListKeys takes no key, so it has no gate
    call.keys.require('x');
    return {};
  },
});

// A model member that does not exist.
defineOperation({
  name: 'EnableKey',
  keys: { states: ANY_STATE, aliases: false, crossAccount: false },
  async handle(input, { keys }) {
    // @ts-expect-error EnableKey's input has KeyId, not KeyID
    keys.require(input.KeyID);
  },
});

// An operation the model does not have.
// @ts-expect-error not an operation of AWS's model
defineOperation({ name: 'DescribeKeys', async handle() {} });

// A key-state table that forgets a state.
// @ts-expect-error every key state must say what it does
const partial: StateTable = { Enabled: 'allow', Disabled: 'allow' };

// A definition filed under another operation's name in the list.
declare const list: OperationList;
declare const describe: OperationList['DescribeKey'];
// @ts-expect-error EnableKey's entry must be EnableKey's definition
const wrong: OperationList = { ...list, EnableKey: describe };

// The list must name every operation of the model.
// @ts-expect-error a list without ListKeys is incomplete
const incomplete: OperationList = (({ ListKeys: _, ...rest }) => rest)(list);

export type Checked = [typeof partial, typeof wrong, typeof incomplete, OperationName];
