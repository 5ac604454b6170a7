/** CreateKey with the default origin AWS_KMS: Enabled, with material (REQ-C3). */
import { addKey } from '../add-key.ts';
import { MAX_KEYS, type LifecycleModel } from '../model.ts';
import type { LifecycleCommand, LifecycleReal } from '../real.ts';

export class CreateKmsKeyCommand implements LifecycleCommand {
  check(m: Readonly<LifecycleModel>): boolean {
    return m.keys.length < MAX_KEYS;
  }

  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    await addKey(m, r, 'AWS_KMS', this.toString());
  }

  toString(): string {
    return 'CreateKey(AWS_KMS)';
  }
}
