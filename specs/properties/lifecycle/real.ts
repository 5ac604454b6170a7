/**
 * The real side of the lifecycle check: the target, reached through the spec context, and what the
 * run keeps about each key it created (its id, the material it imported, a first ciphertext).
 */
import type fc from 'fast-check';
import type { SpecContext } from '#harness/spec/index.ts';
import type { LifecycleModel } from './model.ts';

export interface RealKey {
  keyId: string;
  arn: string;
  /** The material imported first; "the same material" of later imports. */
  material?: Buffer;
  /** The first ciphertext made with the key: it must decrypt whenever the key is Enabled again (REQ-I9). */
  firstCiphertext?: { blob: Uint8Array; plaintext: Buffer };
}

export interface LifecycleReal {
  kms: SpecContext;
  keys: RealKey[];
  /** What the target chose where AWS is unknown: question → the answers seen (each recorded once). */
  unknowns: Map<string, Set<string>>;
}

export type LifecycleCommand = fc.AsyncCommand<LifecycleModel, LifecycleReal>;

/** Records the target's choice on a question AWS leaves open, with kms.observe the first time it is seen. */
export function noteUnknown(real: LifecycleReal, question: string, answer: string): void {
  const seen = real.unknowns.get(question) ?? new Set<string>();
  if (!seen.has(answer)) real.kms.observe(question, answer);
  seen.add(answer);
  real.unknowns.set(question, seen);
}
