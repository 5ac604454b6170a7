/**
 * @module harness/run/session
 * A run session: the target made ready by its lifecycle (harness/targets: the embedded reference, a
 * local program or a container started when the target is one), checked by preflight, with a run id
 * and a ledger of created resources; closing it sweeps what the ledger still lists and stops what
 * it started.
 */
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TargetConfig } from '../config/target-config.ts';
import { startTarget } from '../targets/lifecycle.ts';
import { preflight } from './preflight.ts';
import { sweepLedger, type SweepReport } from './ledger-sweep.ts';

export interface SessionContext {
  target: TargetConfig;
  runId: string;
  ledgerPath: string;
  seed: number;
}

export interface Session extends SessionContext {
  close(): Promise<SweepReport>;
}

/** `kmsct-20261128T001500-1a2b`: sortable, and unique enough to tag and sweep by. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '');
  return `kmsct-${stamp}-${randomBytes(2).toString('hex')}`;
}

export async function openSession(
  target: TargetConfig,
  opts: { runId?: string; ledgerPath?: string; seed?: number; log?: (msg: string) => void } = {},
): Promise<Session> {
  const started = await startTarget(target, { ...(opts.log && { log: opts.log }) });
  const ready = started.target;
  try {
    await preflight(ready);
  } catch (e) {
    await started.stop();
    throw e;
  }
  const runId = opts.runId ?? newRunId();
  const ledgerPath = opts.ledgerPath ?? join(tmpdir(), `${runId}.resources.jsonl`);
  let closed: Promise<SweepReport> | undefined;
  return {
    target: ready,
    runId,
    ledgerPath,
    seed: opts.seed ?? randomBytes(4).readUInt32BE() >>> 1,
    close() {
      closed ??= (async () => {
        try {
          return await sweepLedger(ready, ledgerPath);
        } finally {
          await started.stop();
        }
      })();
      return closed;
    },
  };
}

/** How the CLI hands its session to the conformance project's global setup (same process). */
export const SESSION_SLOT = Symbol.for('kms-conformance.session');

export function handedSession(): SessionContext | undefined {
  return (globalThis as Record<symbol, SessionContext | undefined>)[SESSION_SLOT];
}

export function handSession(s: SessionContext | undefined): void {
  (globalThis as Record<symbol, SessionContext | undefined>)[SESSION_SLOT] = s;
}
