/**
 * @module harness/run/session
 * A run session: the target made ready by its lifecycle (harness/targets: the embedded reference, a
 * local program or a container started when the target is one), checked by preflight, with a run id
 * and a ledger of created resources; closing it sweeps what the ledger still lists and stops what
 * it started.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TargetConfig } from '../config/target-config.ts';
import { sweepTaggedKeys } from '../aws/sweep.ts';
import { startTarget } from '../targets/lifecycle.ts';
import { preflight } from './preflight.ts';
import { sweepLedger, type SweepReport } from './ledger-sweep.ts';
import type { SessionContext } from './session-context.ts';

export type { SessionContext } from './session-context.ts';

export interface Session extends SessionContext {
  /**
   * Sweeps what the ledger lists and stops what the session started. With `byTag` (an interrupted
   * run) it then also finds keys by this run's tag: a CreateKey still in flight when the run was
   * cut short creates a key whose id never reached the ledger.
   */
  close(opts?: { byTag?: boolean }): Promise<SweepReport>;
}

/** How long an interrupted run waits for requests still in flight before sweeping by tag. */
const IN_FLIGHT_GRACE_MS = 2_000;
/** At most this many tag sweeps after an interruption. */
const IN_FLIGHT_ROUNDS = 3;

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
    close(closeOpts = {}) {
      closed ??= (async () => {
        try {
          // From here on no worker creates a key (ResourceRegistry.assertMayCreateKey reads this).
          appendFileSync(ledgerPath, `${JSON.stringify({ event: 'run-closed', principal: '-', resource: runId, at: new Date().toISOString() })}\n`);
          const report = await sweepLedger(ready, ledgerPath);
          if (!closeOpts.byTag) return report;
          // A CreateKey sent before the mark may still land: sweep by tag until a round finds nothing.
          for (let round = 0; round < IN_FLIGHT_ROUNDS; round++) {
            await new Promise((r) => setTimeout(r, IN_FLIGHT_GRACE_MS));
            const byTag = await sweepTaggedKeys(ready, { runId, apply: true, write: () => {} });
            report.keysScheduled += byTag.scheduled;
            report.problems.push(...byTag.problems);
            if (byTag.scheduled === 0) break;
          }
          return report;
        } finally {
          await started.stop();
        }
      })();
      return closed;
    },
  };
}
