/** CancelKeyDeletion: Disabled (PendingImport allowed for an EXTERNAL key without material, observed); KMSInvalidStateException otherwise (REQ-S5). */
import { CancelKeyDeletionCommand as CancelKeyDeletionRequest } from '@aws-sdk/client-kms';
import { rules, type LifecycleModel } from '../model.ts';
import { perform } from '../perform.ts';
import type { LifecycleReal } from '../real.ts';
import { KeyCommand } from './key-command.ts';

export class CancelKeyDeletionCommand extends KeyCommand {
  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    const { model, real } = this.pick(m, r);
    model.state = await perform(r, model, real, this.toString(), rules.cancelKeyDeletion(model), () =>
      r.kms.primary.send(new CancelKeyDeletionRequest({ KeyId: real.keyId })),
    );
  }

  toString(): string {
    return `CancelKeyDeletion(${this.name})`;
  }
}
