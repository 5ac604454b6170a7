/**
 * @module harness/reporting/results
 * The machine-readable results of a run (`results.json`), and how outcomes, the verdict and the exit
 * code follow from the requirement checks (shared/DESIGN.md).
 */
import type { Exchange } from '../evidence/recorder.ts';
import type { Observation } from '../spec/requirement-test.ts';
import type { Requirement, Strength } from '../spec/requirement.ts';

export const RESULTS_SCHEMA_VERSION = '1.0.0';

/**
 * What a requirement check came to. `expected-deviation` and `stale-deviation` come from a known-deviation
 * baseline (shared/DESIGN.md): a failure the baseline lists, and a baselined requirement that now passes.
 */
export type Outcome = 'pass' | 'fail' | 'not-implemented' | 'not-applicable' | 'observed' | 'expected-deviation' | 'stale-deviation';
export const OUTCOMES: readonly Outcome[] = ['pass', 'fail', 'not-implemented', 'not-applicable', 'observed', 'expected-deviation', 'stale-deviation'];

/** A known-deviation baseline entry, as applied to one requirement. */
export interface BaselineEntry {
  /** Why the target is known to deviate here. */
  reason: string;
  /** An issue or document about the deviation. */
  link?: string;
  /** The raw outcome the entry expects, when it names one. */
  expect?: 'fail' | 'not-implemented';
  /** `false` while the reason is still the provisional one written by `baseline update`. */
  reviewed?: boolean;
}

export interface RequirementResult extends Requirement {
  outcome: Outcome;
  durationMs: number;
  failure?: { message: string; expected?: unknown; actual?: unknown; diff?: string };
  /** Why a check was not applicable. */
  note?: string;
  observations?: Observation[];
  /** The requests and responses the check made (redacted). */
  exchanges: Exchange[];
  cleanupProblems?: string[];
  /** Set when a baseline lists this requirement: the entry, and the outcome before the baseline applied. */
  baseline?: BaselineEntry & { rawOutcome: Outcome };
}

export interface RunResults {
  schemaVersion: string;
  suite: { name: string; version: string };
  run: { id: string; startedAt: string; finishedAt: string; durationMs: number; seed: number; grep?: string; interrupted?: boolean };
  target: { name: string; kind: string; endpoint?: string; region: string; principals: string[]; version?: string; declared?: Record<string, unknown> };
  /** The known-deviation baseline applied to this run, if any. */
  baseline?: {
    path: string;
    /** The target the baseline file was written for. */
    target: string;
    entries: number;
    allowStale: boolean;
    /** Entries naming no requirement of this suite: stale, like a deviation that now passes. */
    unknownIds: string[];
    /** Entries for requirements this run did not run (left out by --grep, or interrupted). */
    notRun: string[];
  };
  verdict: Verdict;
  summary: {
    total: number;
    byOutcome: Record<Outcome, number>;
    byStrength: Record<Strength, Record<Outcome, number>>;
  };
  requirements: RequirementResult[];
  /** Problems of the suite itself (a spec file that failed to load, an unhandled error). */
  errors: string[];
}

/**
 * `conformant`: no `must` requirement failed. `conformant-to-baseline`: `must` requirements failed,
 * but each is an expected deviation of the baseline, and the baseline is not stale. `nonconformant`:
 * a `must` failure the baseline does not list, or a stale baseline (unless stale entries are
 * allowed). `error`: the suite itself broke. Exit code 0 for the first two, 1 for the others.
 */
export type Verdict = 'conformant' | 'conformant-to-baseline' | 'nonconformant' | 'error';

function zero(): Record<Outcome, number> {
  return Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
}

export function summarize(requirements: readonly RequirementResult[]): RunResults['summary'] {
  const byOutcome = zero();
  const byStrength: Record<Strength, Record<Outcome, number>> = { must: zero(), should: zero(), observe: zero() };
  for (const r of requirements) {
    byOutcome[r.outcome]++;
    byStrength[r.strength][r.outcome]++;
  }
  return { total: requirements.length, byOutcome, byStrength };
}

/**
 * A run is conformant when no `must` requirement failed and the suite itself had no error. A `must`
 * requirement whose operation the target lacks counts against conformance too: a missing operation
 * does not behave like AWS (known gaps belong in a baseline, not in a pass). With a baseline, a
 * baselined failure (`expected-deviation`) makes the run `conformant-to-baseline`; a stale entry (a
 * `stale-deviation`, or an id the suite does not know) makes it nonconformant unless stale entries
 * are allowed, so a baseline cannot silently outlive the deviations it lists.
 */
export function verdictOf(
  requirements: readonly RequirementResult[],
  errors: readonly string[],
  baseline?: Pick<NonNullable<RunResults['baseline']>, 'allowStale' | 'unknownIds'>,
): Verdict {
  if (errors.length > 0) return 'error';
  const failed = (r: RequirementResult) => r.outcome === 'fail' || r.outcome === 'not-implemented';
  if (requirements.some((r) => r.strength === 'must' && failed(r))) return 'nonconformant';
  const stale = requirements.some((r) => r.outcome === 'stale-deviation') || (baseline?.unknownIds.length ?? 0) > 0;
  if (stale && !baseline?.allowStale) return 'nonconformant';
  return requirements.some((r) => r.strength === 'must' && r.outcome === 'expected-deviation') ? 'conformant-to-baseline' : 'conformant';
}

/** Whether the run gates (exit 1): the verdict is neither `conformant` nor `conformant-to-baseline`. */
export function gates(r: Pick<RunResults, 'verdict'>): boolean {
  return exitCodeOf(r.verdict) !== 0;
}

/** 0 conformant (to AWS, or to the baseline), 1 nonconformant (or the suite itself broke). */
export function exitCodeOf(verdict: Verdict): 0 | 1 {
  return verdict === 'conformant' || verdict === 'conformant-to-baseline' ? 0 : 1;
}
