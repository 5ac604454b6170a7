/** DeleteImportedKeyMaterial: PendingImport, or stays PendingDeletion; refused for AWS_KMS keys (REQ-D1…D5). */
import { DeleteImportedKeyMaterialCommand as DeleteImportedKeyMaterialRequest } from '@aws-sdk/client-kms';
import { rules, type LifecycleModel } from '../model.ts';
import { perform } from '../perform.ts';
import type { LifecycleReal } from '../real.ts';
import { KeyCommand } from './key-command.ts';

export class DeleteImportedKeyMaterialCommand extends KeyCommand {
  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    const { model, real } = this.pick(m, r);
    const outcome = rules.deleteImportedKeyMaterial(model);
    model.state = await perform(r, model, real, this.toString(), outcome, () =>
      r.kms.primary.send(new DeleteImportedKeyMaterialRequest({ KeyId: real.keyId })),
    );
    if (outcome.ok) model.present = false;
  }

  toString(): string {
    return `DeleteImportedKeyMaterial(${this.name})`;
  }
}
