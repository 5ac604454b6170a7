/** ScheduleKeyDeletion (7 days): PendingDeletion; KMSInvalidStateException when already PendingDeletion (REQ-S3, S4). */
import { ScheduleKeyDeletionCommand as ScheduleKeyDeletionRequest } from '@aws-sdk/client-kms';
import { rules, type LifecycleModel } from '../model.ts';
import { perform } from '../perform.ts';
import type { LifecycleReal } from '../real.ts';
import { KeyCommand } from './key-command.ts';

export class ScheduleKeyDeletionCommand extends KeyCommand {
  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    const { model, real } = this.pick(m, r);
    model.state = await perform(r, model, real, this.toString(), rules.scheduleKeyDeletion(model), () =>
      r.kms.primary.send(new ScheduleKeyDeletionRequest({ KeyId: real.keyId, PendingWindowInDays: 7 })),
    );
  }

  toString(): string {
    return `ScheduleKeyDeletion(${this.name})`;
  }
}
