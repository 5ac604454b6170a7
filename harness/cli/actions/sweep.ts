/**
 * @module harness/cli/actions/sweep
 * What `sweep` does: find the keys earlier runs left behind (by tag) and schedule their deletion.
 */
import { DEFAULT_MIN_AGE_MS, sweepTaggedKeys } from '../../aws/sweep.ts';
import { KINDS } from '../../config/kinds.ts';
import { resolveTarget, type TargetFlags } from '../../config/resolve-target.ts';
import { preflight } from '../../run/preflight.ts';
import type { RateLimits } from '../../config/kinds.ts';
import type { CommandContext } from '../commands/types.ts';

export interface SweepOptions extends Omit<TargetFlags, 'rateLimits'> {
  runId?: string;
  /** Milliseconds. */
  olderThan?: number;
  dryRun?: boolean;
  yes?: boolean;
  rate?: Partial<RateLimits>;
}

export async function sweep(opts: SweepOptions, { write, setExitCode, env, cwd }: CommandContext): Promise<void> {
  const { rate, ...flags } = opts;
  const resolved = resolveTarget({ ...flags, ...(rate && { rateLimits: rate }) }, env, cwd);
  if (!KINDS[resolved.kind].keysOutliveRun) {
    write('nothing to sweep: the embedded reference starts empty on every run (use --endpoint for a served one)');
    return;
  }
  const target = resolved;
  const apply = Boolean(opts.yes) && !opts.dryRun;
  await preflight(target);
  write(`sweeping ${target.name} (${target.endpoint}, ${target.region})${apply ? '' : ' — dry run'}`);
  // A run names its own keys with --run-id; a sweep of everything leaves keys young enough to be in use.
  const olderThanMs = opts.olderThan ?? (opts.runId === undefined ? DEFAULT_MIN_AGE_MS : undefined);
  const s = await sweepTaggedKeys(target, { apply, write, ...(opts.runId && { runId: opts.runId }), ...(olderThanMs !== undefined && { olderThanMs }) });
  const done = apply ? `${s.scheduled} scheduled for deletion` : `${s.wouldSchedule} would be scheduled for deletion`;
  write(`${s.examined} keys examined: ${s.tagged} tagged by kms-conformance (${done}, ${s.alreadyPending} already pending deletion, ${s.kept} kept), ${s.untagged} without the tag left alone`);
  if (!apply && s.wouldSchedule) write('dry run: nothing was changed; add --yes to schedule the deletions');
  if (s.problems.length) setExitCode(1);
}
