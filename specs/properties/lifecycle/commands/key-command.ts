/**
 * What the commands that act on an existing key share: the key is named by its creation order
 * (k1, k2, …), so a command's label means the same thing when a counterexample is replayed.
 */
import type { LifecycleModel, ModelKey } from '../model.ts';
import type { LifecycleCommand, LifecycleReal, RealKey } from '../real.ts';

export abstract class KeyCommand implements LifecycleCommand {
  constructor(readonly key: number) {}

  /** Runs only when key k<n> exists and the command applies to it. */
  check(m: Readonly<LifecycleModel>): boolean {
    const k = m.keys[this.key - 1];
    return k !== undefined && this.appliesTo(k);
  }

  protected appliesTo(_k: Readonly<ModelKey>): boolean {
    return true;
  }

  protected pick(m: LifecycleModel, r: LifecycleReal): { model: ModelKey; real: RealKey } {
    return { model: m.keys[this.key - 1]!, real: r.keys[this.key - 1]! };
  }

  protected get name(): string {
    return `k${this.key}`;
  }

  abstract run(m: LifecycleModel, r: LifecycleReal): Promise<void>;
  abstract toString(): string;
}
