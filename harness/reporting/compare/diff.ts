/**
 * @module harness/reporting/compare/diff
 * What changed between two runs (normally of the same target), requirement by requirement.
 *
 * An outcome is *acceptable* when it does not make a run red: pass, observed, not-applicable,
 * expected-deviation. It is *failing* when it does: fail, not-implemented, blocked, stale-deviation (a
 * baselined failure that now passes: the run gates on it until the baseline is updated).
 * - regressed: acceptable in the old run, failing in the new one;
 * - improved: failing in the old run, acceptable in the new one;
 * - observation changed: both runs recorded answers for the check and, volatile values (ids,
 *   times, ports) set aside, they differ;
 * - added / removed: checked in only the new / only the old run (a new suite version, or --grep);
 * - other outcome change: both outcomes on the same side (pass → not-applicable, fail →
 *   not-implemented, pass → expected-deviation, …), or the same failure with another message.
 * Requirements of every strength count; only a regression makes `report compare --diff` exit 1.
 */
import { runFilter, isProblem, type Outcome, type Requirement, type RequirementResult } from '../../results/index.ts';
import type { LoadedRun } from './load.ts';
import { normalizedObservations, normalizeText } from './normalize.ts';

export type ChangeKind = 'regressed' | 'improved' | 'observation-changed' | 'added' | 'removed' | 'changed';
export const CHANGE_KINDS: readonly ChangeKind[] = ['regressed', 'improved', 'observation-changed', 'added', 'removed', 'changed'];

/** One observation label whose answer differs between the runs. */
export interface ObservationChange {
  label: string;
  /** Absent when the label was not recorded in that run. */
  old?: unknown;
  new?: unknown;
}

export interface Change {
  kind: ChangeKind;
  requirement: Requirement;
  old?: RequirementResult;
  new?: RequirementResult;
  /** For observation-changed (and alongside other kinds): the labels whose answers differ. */
  observations?: ObservationChange[];
}

export interface RunDiff {
  generatedAt: string;
  old: LoadedRun;
  new: LoadedRun;
  changes: Change[];
  /** Requirements checked in both runs with the same outcome and answers. */
  unchanged: number;
  /** Notes worth a line on the console: different targets, different --grep, suite versions. */
  warnings: string[];
}

/** Classifies one outcome transition of a requirement present in both runs (null: same outcome). */
export function classifyOutcome(before: Outcome, after: Outcome): 'regressed' | 'improved' | 'changed' | null {
  if (before === after) return null;
  const wasFailing = isProblem(before);
  const isFailing = isProblem(after);
  if (!wasFailing && isFailing) return 'regressed';
  if (wasFailing && !isFailing) return 'improved';
  return 'changed';
}

function observationChanges(a: RequirementResult, b: RequirementResult, oldRun: string, newRun: string): ObservationChange[] {
  const na = normalizedObservations(a.observations, oldRun);
  const nb = normalizedObservations(b.observations, newRun);
  const raw = (r: RequirementResult, label: string) => {
    const n = Number(/ #(\d+)$/.exec(label)?.[1] ?? 1);
    const base = label.replace(/ #\d+$/, '');
    return r.observations?.filter((o) => o.label === base)[n - 1]?.value;
  };
  const out: ObservationChange[] = [];
  for (const label of new Set([...na.keys(), ...nb.keys()])) {
    if (na.get(label) === nb.get(label)) continue;
    out.push({ label, ...(na.has(label) && { old: raw(a, label) }), ...(nb.has(label) && { new: raw(b, label) }) });
  }
  return out;
}

function metaOf(r: RequirementResult): Requirement {
  const { id, statement, operation, source, evidence, strength } = r;
  return { id, statement, operation, source, evidence, strength };
}

/** Compares two runs; `old` first. */
export function diffRuns(oldRun: LoadedRun, newRun: LoadedRun, now: Date = new Date()): RunDiff {
  const a = oldRun.results;
  const b = newRun.results;
  const before = new Map(a.requirements.map((q) => [q.id, q]));
  const after = new Map(b.requirements.map((q) => [q.id, q]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort((x, y) => x.localeCompare(y, 'en', { numeric: true }));
  const changes: Change[] = [];
  let unchanged = 0;
  for (const id of ids) {
    const o = before.get(id);
    const n = after.get(id);
    if (!o) {
      changes.push({ kind: 'added', requirement: metaOf(n!), new: n! });
      continue;
    }
    if (!n) {
      changes.push({ kind: 'removed', requirement: metaOf(o), old: o });
      continue;
    }
    const obs = observationChanges(o, n, a.run.id, b.run.id);
    const kind = classifyOutcome(o.outcome, n.outcome)
      ?? (obs.length ? 'observation-changed' : null)
      ?? (normalizeText(o.failure?.message ?? '', a.run.id) !== normalizeText(n.failure?.message ?? '', b.run.id) ? 'changed' : null);
    if (!kind) {
      unchanged++;
      continue;
    }
    changes.push({ kind, requirement: metaOf(n), old: o, new: n, ...(obs.length && { observations: obs }) });
  }
  const warnings: string[] = [];
  if (a.target.name !== b.target.name) warnings.push(`the runs are of different targets ('${a.target.name}' and '${b.target.name}'): differences may be the targets', not changes`);
  if ((runFilter(a.run) ?? '') !== (runFilter(b.run) ?? '')) {
    warnings.push(`the runs checked different requirement sets (${runFilter(a.run) ?? 'no filter'} and ${runFilter(b.run) ?? 'no filter'}): added/removed may reflect the filter`);
  }
  if (a.suite.version !== b.suite.version) warnings.push(`suite versions differ (${a.suite.version} and ${b.suite.version})`);
  return { generatedAt: now.toISOString(), old: oldRun, new: newRun, changes, unchanged, warnings };
}

/** The changes of one kind. */
export function changesOf(d: RunDiff, kind: ChangeKind): Change[] {
  return d.changes.filter((c) => c.kind === kind);
}

/** `report compare --diff` exits 1 when this is true. */
export function hasRegression(d: RunDiff): boolean {
  return d.changes.some((c) => c.kind === 'regressed');
}
