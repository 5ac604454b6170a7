/** CreateKey with Origin EXTERNAL: a key without material, PendingImport (REQ-C1). */
import { addKey } from '../add-key.ts';
import { MAX_KEYS, type LifecycleModel } from '../model.ts';
import type { LifecycleCommand, LifecycleReal } from '../real.ts';

export class CreateExternalKeyCommand implements LifecycleCommand {
  check(m: Readonly<LifecycleModel>): boolean {
    return m.keys.length < MAX_KEYS;
  }

  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    await addKey(m, r, 'EXTERNAL', this.toString());
  }

  toString(): string {
    return 'CreateKey(EXTERNAL)';
  }
}
