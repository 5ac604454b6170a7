/**
 * The state changes every other spec's set-up relies on: DisableKey and EnableKey between Enabled and
 * Disabled, ScheduleKeyDeletion to PendingDeletion, CancelKeyDeletion back to Disabled (key-management
 * ground truth §7.2–7.3, MGT-135, MGT-139, MGT-142). A check whose set-up cannot bring a key to one
 * of these states is blocked by the requirement here that names the step.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html
 */
import { CancelKeyDeletionCommand, DisableKeyCommand, EnableKeyCommand, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { createKmsKey, describeKey } from '#harness/kms/index.ts';
import { recorded, requirement } from '#harness/spec/index.ts';

/** The members the three checks read, with DeletionDate said as present or absent. */
const stateOf = (md: { KeyState?: string; Enabled?: boolean; DeletionDate?: Date }) => ({ KeyState: md.KeyState, Enabled: md.Enabled, DeletionDate: md.DeletionDate instanceof Date ? 'a date' : md.DeletionDate });

requirement(
  {
    id: 'KEY-06',
    statement: 'DisableKey makes an Enabled key Disabled (Enabled false), and EnableKey makes it Enabled again; both answer an empty body',
    operation: 'DisableKey',
    source: recorded('TestKMS::test_disable_and_enable_key', undefined, 'assertions validated 2024-04-11', 'MGT-142'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'KEY-06');
    const disabled = await kms.primary.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    expect(Object.keys(disabled).filter((k) => k !== '$metadata'), 'DisableKey answer members').toEqual([]);
    expect(stateOf(await describeKey(kms.primary, key.KeyId!, { settledIn: ['Disabled'] })), 'after DisableKey').toEqual({ KeyState: 'Disabled', Enabled: false, DeletionDate: undefined });
    const enabled = await kms.primary.send(new EnableKeyCommand({ KeyId: key.KeyId }));
    expect(Object.keys(enabled).filter((k) => k !== '$metadata'), 'EnableKey answer members').toEqual([]);
    expect(stateOf(await describeKey(kms.primary, key.KeyId!, { settledIn: ['Enabled'] })), 'after EnableKey').toEqual({ KeyState: 'Enabled', Enabled: true, DeletionDate: undefined });
  },
);

requirement(
  {
    id: 'KEY-07',
    statement: 'ScheduleKeyDeletion without a waiting period makes an Enabled key PendingDeletion, Enabled false, with a DeletionDate',
    operation: 'ScheduleKeyDeletion',
    source: recorded('TestKMS::test_schedule_and_cancel_key_deletion', undefined, 'assertions validated 2024-04-11', 'MGT-135'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'KEY-07');
    await kms.primary.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId }));
    expect(stateOf(await describeKey(kms.primary, key.KeyId!, { settledIn: ['PendingDeletion'] }))).toEqual({ KeyState: 'PendingDeletion', Enabled: false, DeletionDate: 'a date' });
  },
);

requirement(
  {
    id: 'KEY-08',
    statement: 'CancelKeyDeletion makes a key pending deletion Disabled, Enabled false, without a DeletionDate',
    operation: 'CancelKeyDeletion',
    source: recorded('TestKMS::test_schedule_and_cancel_key_deletion', undefined, 'assertions validated 2024-04-11', 'MGT-139'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await createKmsKey(kms.primary, 'KEY-08');
    await kms.primary.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    await describeKey(kms.primary, key.KeyId!, { settledIn: ['PendingDeletion'] });
    await kms.primary.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    expect(stateOf(await describeKey(kms.primary, key.KeyId!, { settledIn: ['Disabled'] }))).toEqual({ KeyState: 'Disabled', Enabled: false, DeletionDate: undefined });
  },
);
