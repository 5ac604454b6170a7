/**
 * @module reference/operations/cancel-key-deletion
 * CancelKeyDeletion: a key pending deletion becomes Disabled.
 */
import { allMaterialsPresent } from '../model/material-lifecycle.ts';
import { defineOperation } from './define.ts';
import { CANCEL_DELETION } from './key-states.ts';

export const cancelKeyDeletion = defineOperation({
  name: 'CancelKeyDeletion',
  keys: { states: CANCEL_DELETION, aliases: false, crossAccount: false },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    delete key.deletionDate;
    delete key.pendingWindowDays;
    // Documented: the key becomes Disabled. For a key whose imported material is gone, AWS's state is
    // not known (ground truth REQ-S5); a key without material cannot be usable, so the reference
    // answers PendingImport there.
    key.state = key.origin === 'EXTERNAL' && !allMaterialsPresent(key) ? 'PendingImport' : 'Disabled';
    return { KeyId: key.arn };
  },
});
