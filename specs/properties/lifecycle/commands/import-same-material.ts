/** GetParametersForImport + ImportKeyMaterial of the key's own material (the first import makes it). */
import { importKeyMaterial, newKeyMaterial } from '#harness/kms/index.ts';
import { rules, type LifecycleModel } from '../model.ts';
import { perform } from '../perform.ts';
import type { LifecycleReal } from '../real.ts';
import { KeyCommand } from './key-command.ts';

export class ImportSameMaterialCommand extends KeyCommand {
  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    const { model, real } = this.pick(m, r);
    const outcome = rules.importSameMaterial(model);
    const material = real.material ?? newKeyMaterial();
    model.state = await perform(r, model, real, this.toString(), outcome, () => importKeyMaterial(r.kms.primary, real.keyId, material));
    if (outcome.ok) {
      real.material = material;
      model.bound = true;
      model.present = true;
    }
  }

  toString(): string {
    return `ImportKeyMaterial(${this.name}, same material)`;
  }
}
