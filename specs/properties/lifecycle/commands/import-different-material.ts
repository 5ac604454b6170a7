/** GetParametersForImport + ImportKeyMaterial of new material into a key bound to other material: IncorrectKeyMaterialException (REQ-I10). */
import { importKeyMaterial, newKeyMaterial } from '#harness/kms/index.ts';
import { rules, type LifecycleModel, type ModelKey } from '../model.ts';
import { perform } from '../perform.ts';
import type { LifecycleReal } from '../real.ts';
import { KeyCommand } from './key-command.ts';

export class ImportDifferentMaterialCommand extends KeyCommand {
  protected override appliesTo(k: Readonly<ModelKey>): boolean {
    return rules.importDifferentApplicable(k);
  }

  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    const { model, real } = this.pick(m, r);
    model.state = await perform(r, model, real, this.toString(), rules.importDifferentMaterial(model), () =>
      importKeyMaterial(r.kms.primary, real.keyId, newKeyMaterial()),
    );
  }

  toString(): string {
    return `ImportKeyMaterial(${this.name}, different material)`;
  }
}
