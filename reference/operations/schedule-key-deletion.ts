/**
 * @module reference/operations/schedule-key-deletion
 * ScheduleKeyDeletion: the key becomes PendingDeletion for a waiting period of 7 to 30 days.
 */
import { kmsError } from '../errors.ts';
import { defineOperation } from './define.ts';
import { SCHEDULE_DELETION } from './key-states.ts';

const DAY_MS = 86_400_000;

export const scheduleKeyDeletion = defineOperation({
  name: 'ScheduleKeyDeletion',
  keys: { states: SCHEDULE_DELETION, aliases: false, crossAccount: false },
  async handle(input, { ctx, keys }) {
    const key = keys.require(input.KeyId);
    const days = input.PendingWindowInDays ?? 30;
    // The model allows 1–365; the documented waiting period is 7–30 days (ground truth REQ-S3).
    if (days < 7 || days > 30) {
      throw kmsError('ValidationException', `PendingWindowInDays must be from 7 to 30 days; ${days} was given.`);
    }
    key.state = 'PendingDeletion';
    key.deletionDate = new Date(ctx.now().getTime() + days * DAY_MS);
    return { KeyId: key.arn, DeletionDate: key.deletionDate, KeyState: key.state, PendingWindowInDays: days };
  },
});
