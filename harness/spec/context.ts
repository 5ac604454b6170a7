/**
 * @module harness/spec/context
 * What the runner provides to spec workers, and the per-worker state built from it.
 */
import type { KMSClient } from '@aws-sdk/client-kms';
import { inject } from 'vitest';
import type { PrincipalName, TargetConfig } from '../config/target-config.ts';
import { createKmsClient } from '../clients/sdk-client.ts';
import { RawKmsClient } from '../clients/raw-client.ts';
import { SecretList } from '../evidence/redact.ts';
import { ResourceRegistry } from '../resources/registry.ts';
import { KINDS } from '../config/kinds.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The resolved target; credentials stay in memory (never written out). */
    kmsTarget: TargetConfig;
    kmsRunId: string;
    /** Where created resources are logged, for the end-of-run sweep. */
    kmsLedgerPath: string;
    kmsSeed: number;
  }
}

export interface WorkerState {
  target: TargetConfig;
  runId: string;
  seed: number;
  secrets: SecretList;
  registry: ResourceRegistry;
  /** The principal's client, in `region` when given (another Region of the target). */
  client(principal: PrincipalName, region?: string): KMSClient;
  raw(principal: PrincipalName): RawKmsClient;
}

let state: WorkerState | undefined;

/** The worker's state, built once from the provided context. */
export function workerState(): WorkerState {
  if (state) return state;
  const target = inject('kmsTarget');
  if (!target) throw new Error('no target was provided: run the specs through `kms-conformance run` or the conformance project');
  const secrets = new SecretList();
  for (const p of Object.values(target.principals)) secrets.add(p?.secretAccessKey, p?.sessionToken);
  const registry = new ResourceRegistry(inject('kmsRunId'), inject('kmsLedgerPath'), target.maxKeys, !('realService' in KINDS[target.kind]));
  const clients = new Map<string, KMSClient>();
  const raws = new Map<PrincipalName, RawKmsClient>();
  state = {
    target,
    runId: inject('kmsRunId'),
    seed: inject('kmsSeed'),
    secrets,
    registry,
    client(principal, region = target.region) {
      const k = `${principal}/${region}`;
      let c = clients.get(k);
      if (!c) clients.set(k, (c = createKmsClient(target, principal, { registry, region })));
      return c;
    },
    raw(principal) {
      let r = raws.get(principal);
      if (!r) raws.set(principal, (r = new RawKmsClient(target, principal, registry)));
      return r;
    },
  };
  return state;
}
