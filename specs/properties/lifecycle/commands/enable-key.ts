/** EnableKey: Enabled from Enabled or Disabled; KMSInvalidStateException when PendingImport or PendingDeletion (REQ-S1, S2). */
import { EnableKeyCommand as EnableKeyRequest } from '@aws-sdk/client-kms';
import { rules, type LifecycleModel, type ModelKey } from '../model.ts';
import { perform } from '../perform.ts';
import type { LifecycleReal } from '../real.ts';
import { KeyCommand } from './key-command.ts';

export class EnableKeyCommand extends KeyCommand {
  protected override appliesTo(k: Readonly<ModelKey>): boolean {
    return rules.enableApplicable(k);
  }

  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    const { model, real } = this.pick(m, r);
    model.state = await perform(r, model, real, this.toString(), rules.enableKey(model), () => r.kms.primary.send(new EnableKeyRequest({ KeyId: real.keyId })));
  }

  toString(): string {
    return `EnableKey(${this.name})`;
  }
}
