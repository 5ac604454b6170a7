/**
 * @module reference/operations/schedule-key-deletion
 * ScheduleKeyDeletion: the key becomes PendingDeletion for a waiting period of 7 to 30 days; a
 * multi-Region primary that still has replicas becomes PendingReplicaDeletion instead, with no
 * deletion date until its last replica is deleted (MGT-133).
 */
import { kmsError } from '../errors.ts';
import { isPrimary } from '../model/multi-region.ts';
import { defineOperation } from './define.ts';
import { SCHEDULE_DELETION } from './key-states.ts';

const DAY_MS = 86_400_000;

export const scheduleKeyDeletion = defineOperation({
  name: 'ScheduleKeyDeletion',
  keys: { states: SCHEDULE_DELETION, aliases: false, crossAccount: false },
  async handle(input, { ctx, keys }) {
    const key = keys.require(input.KeyId);
    const days = input.PendingWindowInDays ?? 30;
    // The model allows 1–365; the waiting period is 7–30 days (recorded text, MGT-137).
    if (days < 7 || days > 30) throw kmsError('ValidationException', 'PendingWindowInDays must be between 7 and 30');
    if (isPrimary(key) && key.family!.regions.length > 1) {
      key.state = 'PendingReplicaDeletion';
      key.pendingWindowDays = days;
      return { KeyId: key.arn, KeyState: key.state, PendingWindowInDays: days };
    }
    key.state = 'PendingDeletion';
    key.deletionDate = new Date(ctx.now().getTime() + days * DAY_MS);
    return { KeyId: key.arn, DeletionDate: key.deletionDate, KeyState: key.state, PendingWindowInDays: days };
  },
});
