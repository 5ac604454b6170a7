/**
 * @module reference/operations/invoke
 * Calls an operation's handler with its key gate: the one place where the definitions' types meet
 * the protocol's untyped input.
 */
import type { OperationContext } from './context.ts';
import { keyGate } from './gate.ts';
import type { AnyDefinition } from './index.ts';

/**
 * Runs `def` on `input`, which the caller has validated against the model's input shape of the same
 * operation: the shape the definition's input type is generated from, so the cast is sound.
 */
export function invoke(def: AnyDefinition, input: Record<string, unknown>, ctx: OperationContext): Promise<unknown> {
  const call = def.keys ? { ctx, keys: keyGate(ctx, def.keys) } : { ctx };
  return def.handle(input as never, call as never);
}
