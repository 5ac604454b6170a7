/**
 * @module reference
 * The embedded reference endpoint: a KMS-compatible service with real crypto, real state and real
 * SigV4 verification. `createReferenceKms()` gives `fetch(Request) → Response`; `server.ts` puts it
 * on a loopback socket. The harness and the specs never import this module's internals.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_ACCOUNTS, type ReferenceAccount } from './accounts.ts';
import { partitionOf } from './model/arn.ts';
import { Store } from './model/store.ts';
import { WrappingKeyPool, type PairGenerator } from './model/wrapping-keys.ts';
import { applyFaults } from './faults/index.ts';
import type { OperationContext } from './operations/context.ts';
import { implementedOperations, OPERATION_LIST } from './operations/index.ts';
import { handleWire, type WireHandler, type WireRequest } from './protocol/aws-json.ts';
import { KMS_REGIONS } from './api/kms-api.generated.ts';

/** Every region KMS has an endpoint in, in every partition (botocore's endpoints.json). */
export const DEFAULT_REGIONS: readonly string[] = Object.values(KMS_REGIONS).flat();
import type { WireResponse } from './protocol/error-response.ts';

export interface ReferenceOptions {
  accounts?: readonly ReferenceAccount[];
  /** Injected clock; defaults to the system clock. */
  now?: () => Date;
  /** Injected randomness; defaults to the system CSPRNG. */
  randomBytes?: (n: number) => Buffer;
  uuid?: () => string;
  /** Generates RSA wrapping key pairs for GetParametersForImport. */
  wrappingKeyGenerator?: PairGenerator;
  /** The regions served (separate key spaces); default every region KMS has an endpoint in (KMS_REGIONS). */
  regions?: readonly string[];
  /** Named deviations, for the project's own fault-injection tests only. */
  faults?: readonly string[];
  log?: (msg: string) => void;
}

export interface ReferenceKms {
  fetch(request: Request): Promise<Response>;
  /** The same, without the fetch types: used by the node:http adapter. */
  handle(request: WireRequest): Promise<WireResponse>;
  readonly accounts: readonly ReferenceAccount[];
}

export function createReferenceKms(options: ReferenceOptions = {}): ReferenceKms {
  const store = new Store();
  const accounts = options.accounts ?? DEFAULT_ACCOUNTS;
  const now = options.now ?? (() => new Date());
  const rand = options.randomBytes ?? ((n: number) => randomBytes(n));
  const uuid = options.uuid ?? (() => randomUUID());
  const wrappingKeys = new WrappingKeyPool(options.wrappingKeyGenerator);
  const log = options.log ?? ((msg: string) => process.stderr.write(`[reference] ${msg}\n`));
  // Faults (for the project's own tests) replace definitions and wrap the handler; none by default.
  const faulty = applyFaults(options.faults ?? [], OPERATION_LIST, { accounts, uuid, log });

  const deps = {
    accounts,
    regions: new Set(options.regions ?? DEFAULT_REGIONS),
    now,
    uuid,
    log,
    operations: implementedOperations(faulty.operations),
    context: ({ accountId, region }: { accountId: string; region: string }): OperationContext => ({
      store,
      region: store.region(accountId, region),
      accountId,
      regionName: region,
      partition: partitionOf(region),
      now,
      randomBytes: rand,
      uuid,
      wrappingKeys,
      accounts: accounts.map((a) => a.accountId),
    }),
  };

  const handle: WireHandler = faulty.wrap((request: WireRequest) => handleWire(request, deps));
  return {
    accounts,
    handle,
    async fetch(request: Request): Promise<Response> {
      const url = new URL(request.url);
      // No prototype: a header named `constructor` or `__proto__` is a header like any other.
      const headers: Record<string, string> = Object.create(null);
      request.headers.forEach((v, k) => (headers[k] = v));
      headers.host ??= url.host;
      const query: Record<string, string> = Object.create(null);
      for (const [k, v] of url.searchParams) query[k] = v;
      const out = await handle({
        method: request.method,
        hostname: url.hostname,
        path: url.pathname,
        query,
        headers,
        body: Buffer.from(await request.arrayBuffer()),
      });
      return new Response(out.body === '' ? null : out.body, { status: out.status, headers: out.headers });
    },
  };
}

export { FAULTS, type FaultName } from './faults/index.ts';
export { DEFAULT_ACCOUNTS, PRIMARY_ACCOUNT, SECONDARY_ACCOUNT } from './accounts.ts';
export type { ReferenceAccount, ReferenceCredential } from './accounts.ts';
