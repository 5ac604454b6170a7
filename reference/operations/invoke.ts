/**
 * @module reference/operations/invoke
 * Calls an operation's handler with its key gate: the one place where the definitions' types meet
 * the protocol's untyped input. After a successful call of an operation GetKeyLastUsage tracks
 * (the model's KeyLastUsageTrackingOperation enum), each key the call used records it; ReEncrypt
 * records both keys, as AWS documents.
 */
import { SHAPES, type KeyLastUsageTrackingOperation } from '../api/kms-api.generated.ts';
import type { OperationContext } from './context.ts';
import { keyGate } from './gate.ts';
import type { AnyDefinition } from './index.ts';

const TRACKED: ReadonlySet<string> = new Set(SHAPES.KeyLastUsageTrackingOperation.enum);

/**
 * Runs `def` on `input`, which the caller has validated against the model's input shape of the same
 * operation: the shape the definition's input type is generated from, so the cast is sound.
 */
export async function invoke(def: AnyDefinition, input: Record<string, unknown>, ctx: OperationContext, requestId?: string): Promise<unknown> {
  const keys = def.keys ? keyGate(ctx, def.keys, { operation: def.name, input }) : undefined;
  const output = await def.handle(input as never, (keys ? { ctx, keys } : { ctx }) as never);
  if (keys && TRACKED.has(def.name)) {
    const usage = { Operation: def.name as KeyLastUsageTrackingOperation, Timestamp: ctx.now(), ...(requestId && { KmsRequestId: requestId }), CloudTrailEventId: ctx.uuid() };
    for (const key of keys.used()) key.lastUsage = usage;
  }
  return output;
}
