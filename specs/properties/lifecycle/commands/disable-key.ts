/** DisableKey: Disabled from Enabled or Disabled; KMSInvalidStateException when PendingImport or PendingDeletion (REQ-S1, S2). */
import { DisableKeyCommand as DisableKeyRequest } from '@aws-sdk/client-kms';
import { rules, type LifecycleModel, type ModelKey } from '../model.ts';
import { perform } from '../perform.ts';
import type { LifecycleReal } from '../real.ts';
import { KeyCommand } from './key-command.ts';

export class DisableKeyCommand extends KeyCommand {
  protected override appliesTo(k: Readonly<ModelKey>): boolean {
    return rules.enableApplicable(k);
  }

  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    const { model, real } = this.pick(m, r);
    model.state = await perform(r, model, real, this.toString(), rules.disableKey(model), () => r.kms.primary.send(new DisableKeyRequest({ KeyId: real.keyId })));
  }

  toString(): string {
    return `DisableKey(${this.name})`;
  }
}
