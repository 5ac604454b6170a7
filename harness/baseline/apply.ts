/**
 * @module harness/baseline/apply
 * Applies a known-deviation baseline to a run's results: a baselined failure becomes
 * `expected-deviation`, a baselined requirement that now passes becomes `stale-deviation`; what the
 * target answered is kept in `result.baseline.rawOutcome`.
 */
import { outcomeUnderBaseline, type BaselineEntry, type RequirementResult, type RunResults } from '../results/index.ts';
import type { BaselineFile, BaselineFileEntry } from './baseline-file.ts';

export interface AppliedBaseline {
  requirements: RequirementResult[];
  /** What goes into `results.baseline`. */
  info: NonNullable<RunResults['baseline']>;
  /** One line each: entries that did not apply as written (unknown id, other failure, not applicable). */
  notes: string[];
}

function entryOf(e: BaselineFileEntry): BaselineEntry {
  return {
    reason: e.reason,
    ...(e.link && { link: e.link }),
    ...(e.expect && { expect: e.expect }),
    ...(e.reviewed === false && { reviewed: false }),
  };
}

/**
 * Applies `file` to the collected results. `catalogue` is every requirement id the suite declares
 * (run or not), to tell an entry for a requirement left out by --grep from one naming nothing.
 */
export function applyBaseline(
  requirements: readonly RequirementResult[],
  file: BaselineFile,
  opts: { path: string; catalogue: ReadonlySet<string>; allowStale: boolean },
): AppliedBaseline {
  const byId = new Map(file.entries.map((e) => [e.id, e]));
  const notes: string[] = [];
  const out = requirements.map((r) => {
    const entry = byId.get(r.id);
    if (!entry) return r;
    const outcome = outcomeUnderBaseline(r.outcome, entry.expect);
    if (outcome === r.outcome && r.outcome === 'not-applicable') notes.push(`${r.id}: baselined, but not applicable on this target (${r.note ?? 'no reason given'})`);
    else if (outcome === r.outcome) notes.push(`${r.id}: the baseline expects ${entry.expect}, but the outcome is ${r.outcome}: counted as a new failure`);
    return { ...r, outcome, baseline: { ...entryOf(entry), rawOutcome: r.outcome } };
  });
  const ran = new Set(requirements.map((r) => r.id));
  const unknownIds = file.entries.filter((e) => !opts.catalogue.has(e.id)).map((e) => e.id);
  const notRun = file.entries.filter((e) => opts.catalogue.has(e.id) && !ran.has(e.id)).map((e) => e.id);
  for (const id of unknownIds) notes.push(`${id}: baselined, but the suite has no such requirement (stale entry${opts.allowStale ? ', allowed' : ''})`);
  return {
    requirements: out,
    info: { path: opts.path, target: file.target, entries: file.entries.length, allowStale: opts.allowStale, unknownIds, notRun },
    notes,
  };
}
