/**
 * @module reference/operations/context
 * What every handler receives: the caller's account and region, the store, and the injected clock
 * and randomness. Handlers are plain functions over this; HTTP, JSON and SigV4 stay at the edge.
 */
import type { Store, RegionStore } from '../model/store.ts';
import type { WrappingKeyPool } from '../model/wrapping-keys.ts';
import type { FaultName } from '../faults.ts';

export interface OperationContext {
  readonly store: Store;
  /** The caller's own key space (its account, the region it signed for). */
  readonly region: RegionStore;
  readonly accountId: string;
  readonly regionName: string;
  readonly partition: string;
  readonly now: () => Date;
  readonly randomBytes: (n: number) => Buffer;
  readonly uuid: () => string;
  readonly wrappingKeys: WrappingKeyPool;
  /** Named deviations switched on for the project's own fault-injection tests; empty when faithful. */
  readonly faults: ReadonlySet<FaultName>;
}

/** A handler: decoded input in, output structure out (undefined for operations without output). */
export type Handler = (input: Record<string, unknown>, ctx: OperationContext) => Promise<Record<string, unknown> | undefined>;
