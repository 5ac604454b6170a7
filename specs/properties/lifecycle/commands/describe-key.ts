/** DescribeKey: answers in every state and reports the state the model holds (REQ-S7). */
import { rules, type LifecycleModel } from '../model.ts';
import { perform } from '../perform.ts';
import type { LifecycleReal } from '../real.ts';
import { KeyCommand } from './key-command.ts';

export class DescribeKeyCommand extends KeyCommand {
  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    const { model, real } = this.pick(m, r);
    // perform() itself reads the key with DescribeKey and compares; there is nothing else to send.
    model.state = await perform(r, model, real, this.toString(), rules.describeKey(model), async () => undefined);
  }

  toString(): string {
    return `DescribeKey(${this.name})`;
  }
}
