/**
 * @module harness/run/build
 * The run's results, built from its plan, what the execution reported and what closing the session
 * swept: the baseline applied, suite errors collected, the verdict and the counts. A pure function:
 * no file, no process, no clock.
 */
import { applyBaseline } from '../baseline/apply.ts';
import type { TargetConfig } from '../config/target-config.ts';
import { RESULTS_SCHEMA_VERSION, summarize, verdictOf, type RunResults } from '../results/index.ts';
import type { Execution } from './execute.ts';
import type { SweepReport } from './ledger-sweep.ts';
import type { RunPlan } from './plan.ts';

export interface BuildInput {
  plan: RunPlan;
  /** The target as the session made it ready (endpoint and version filled in). */
  target: TargetConfig;
  seed: number;
  execution: Execution;
  sweep: Pick<SweepReport, 'problems'>;
  startedAt: Date;
  finishedAt: Date;
}

export interface BuiltRun {
  results: RunResults;
  /** Lines worth printing about the baseline (entries that did not apply as written). */
  notes: string[];
}

/** Requirements the loaded spec files declare that the catalogue does not have: the catalogue is out of date. */
function catalogueGaps(plan: RunPlan, execution: Execution): string[] {
  const known = new Set(plan.catalogue);
  const missing = [...new Set(execution.declared)].filter((id) => !known.has(id));
  return missing.length ? [`the requirement catalogue (specs/catalogue.json) is out of date: ${missing.join(', ')} not in it; run npm run catalogue`] : [];
}

export function buildRunResults({ plan, target: t, seed, execution, sweep, startedAt, finishedAt }: BuildInput): BuiltRun {
  const applied = plan.baseline && applyBaseline(execution.requirements, plan.baseline.file, { path: plan.baseline.path, catalogue: new Set(plan.catalogue), allowStale: plan.allowStale });
  const requirements = applied?.requirements ?? execution.requirements;
  const suiteErrors = [...execution.errors, ...catalogueGaps(plan, execution)];
  const ran = new Set(execution.requirements.map((r) => r.id));
  const notRun = plan.selection.requirements.map((r) => r.id).filter((id) => !ran.has(id));
  const results: RunResults = {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    suite: { name: 'kms-conformance', version: plan.suiteVersion },
    run: {
      id: plan.runId,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      seed,
      ...(plan.selection.grep !== undefined && { grep: plan.selection.grep }),
      ...(plan.selection.filter !== undefined && { filter: plan.selection.filter }),
      ...(plan.selection.shard && { shard: plan.selection.shard }),
      ...(execution.interrupted && { interrupted: true }),
      ...(notRun.length && { notRun }),
    },
    target: {
      name: t.name,
      kind: t.kind,
      ...(t.endpoint && { endpoint: t.endpoint }),
      region: t.region,
      principals: Object.keys(t.principals),
      ...(t.version && { version: t.version }),
      ...(t.declared && { declared: t.declared }),
    },
    ...(applied && { baseline: applied.info }),
    verdict: verdictOf(requirements, suiteErrors, applied?.info),
    summary: summarize(requirements),
    requirements,
    errors: [...suiteErrors, ...sweep.problems.map((p) => `cleanup: ${p}`)],
  };
  return { results, notes: applied?.notes ?? [] };
}
