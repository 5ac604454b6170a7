/**
 * @module reference/operations/context
 * What every handler receives: the caller's account and region, the store, and the injected clock
 * and randomness. Handlers are plain functions over this; HTTP, JSON and SigV4 stay at the edge.
 */
import type { Store, RegionStore } from '../model/store.ts';
import type { WrappingKeyPool } from '../model/wrapping-keys.ts';

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
  /** Every account the reference serves (principals a key policy may name). */
  readonly accounts: readonly string[];
}
