/**
 * @module harness/baseline/update
 * `baseline update`: a baseline refreshed from a run. Entries for requirements still failing keep
 * their reasons; entries for requirements now passing go; new failures come in with a provisional
 * reason taken from the failure and `reviewed: false`, for a person to explain.
 */
import { runFilter, isDeviating, type DeviatingOutcome, type Outcome, type RequirementResult, type RunResults } from '../results/index.ts';
import { compareIds, type BaselineFile, type BaselineFileEntry } from './baseline-file.ts';

export interface BaselineUpdate {
  file: BaselineFile;
  /** New failures, with a provisional reason. */
  added: BaselineFileEntry[];
  /** Entries dropped: the requirement now passes, or the suite no longer has it. */
  removed: { id: string; why: string }[];
  /** Entries kept whose expected outcome changed (and so need their reason looked at again). */
  changed: { id: string; from: DeviatingOutcome; to: DeviatingOutcome }[];
  /** Entries kept without being checked by this run (not run, not applicable). */
  unchecked: { id: string; why: string }[];
  /** Entries still listed with a provisional reason. */
  unreviewed: string[];
}

const PROVISIONAL_MAX = 200;

/** The outcome before any baseline applied. */
function rawOutcome(r: RequirementResult): Outcome {
  return r.baseline?.rawOutcome ?? r.outcome;
}

/**
 * The operation a not-implemented check found missing: that of its last exchange (often a set-up
 * step's, such as GetParametersForImport before the operation under test), else the requirement's.
 */
function missingOperation(r: RequirementResult): string {
  return r.exchanges.at(-1)?.operation ?? r.operation;
}

/** A provisional reason from the failure evidence: what was observed, in one line. */
export function provisionalReason(r: RequirementResult): string {
  const message = (r.failure?.message ?? '').replace(/\s+/g, ' ').trim() || 'failed without a message';
  const text = rawOutcome(r) === 'not-implemented' ? `not implemented: ${missingOperation(r)} (${message})` : `observed: ${message}`;
  return text.length > PROVISIONAL_MAX ? `${text.slice(0, PROVISIONAL_MAX - 1)}…` : text;
}

/**
 * Refreshes `existing` (or starts a baseline) from a run's results. A partial run (--grep,
 * interrupted, or with suite errors) keeps the entries it did not check; a complete run drops the
 * entries naming requirements it did not have.
 */
export function updateBaseline(
  existing: BaselineFile | undefined,
  results: Pick<RunResults, 'suite' | 'run' | 'target' | 'requirements' | 'errors' | 'baseline'>,
  opts: { target: string; targetVersion?: string },
): BaselineUpdate {
  const old = new Map(existing?.entries.map((e) => [e.id, e]));
  const partial = Boolean(runFilter(results.run) || results.run.interrupted || results.errors.length);
  const unknown = new Set(results.baseline?.unknownIds ?? []);
  const out: BaselineFileEntry[] = [];
  const u: Omit<BaselineUpdate, 'file' | 'unreviewed'> = { added: [], removed: [], changed: [], unchecked: [] };
  const seen = new Set<string>();
  for (const r of results.requirements) {
    seen.add(r.id);
    const raw = rawOutcome(r);
    const prior = old.get(r.id);
    if (isDeviating(raw)) {
      if (!prior) {
        const entry: BaselineFileEntry = { id: r.id, expect: raw, reason: provisionalReason(r), reviewed: false };
        u.added.push(entry);
        out.push(entry);
        continue;
      }
      if (prior.expect && prior.expect !== raw) {
        // The target fails differently now (e.g. an operation it lacked is there but wrong): the old reason may no longer hold.
        u.changed.push({ id: r.id, from: prior.expect, to: raw });
        out.push({ ...prior, expect: raw, reviewed: false });
      } else out.push({ ...prior, expect: raw });
    } else if (prior && (raw === 'pass' || raw === 'observed')) {
      u.removed.push({ id: r.id, why: `now ${raw === 'pass' ? 'passes' : 'observed without failing'}` });
    } else if (prior) {
      u.unchecked.push({ id: r.id, why: raw });
      out.push(prior);
    }
  }
  for (const prior of existing?.entries ?? []) {
    if (seen.has(prior.id)) continue;
    if (unknown.has(prior.id) || !partial) u.removed.push({ id: prior.id, why: 'the suite has no such requirement' });
    else {
      u.unchecked.push({ id: prior.id, why: 'not run' });
      out.push(prior);
    }
  }
  out.sort((a, b) => compareIds(a.id, b.id));
  const targetVersion = opts.targetVersion ?? existing?.targetVersion ?? results.target.version;
  const file: BaselineFile = {
    target: opts.target,
    ...(targetVersion && { targetVersion }),
    suiteVersion: results.suite.version,
    entries: out,
  };
  return { file, ...u, unreviewed: out.filter((e) => e.reviewed === false).map((e) => e.id) };
}
