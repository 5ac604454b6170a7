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
  baseline?: { path: string; entries: number; allowStale: boolean };
  verdict: 'conformant' | 'nonconformant' | 'error';
  summary: {
    total: number;
    byOutcome: Record<Outcome, number>;
    byStrength: Record<Strength, Record<Outcome, number>>;
  };
  requirements: RequirementResult[];
  /** Problems of the suite itself (a spec file that failed to load, an unhandled error). */
  errors: string[];
}

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
 * does not behave like AWS (known gaps belong in a baseline, not in a pass).
 */
export function verdictOf(requirements: readonly RequirementResult[], errors: readonly string[]): RunResults['verdict'] {
  if (errors.length > 0) return 'error';
  const failed = (r: RequirementResult) => r.outcome === 'fail' || r.outcome === 'not-implemented';
  return requirements.some((r) => r.strength === 'must' && failed(r)) ? 'nonconformant' : 'conformant';
}

/**
 * Whether the run gates (exit 1). Without a baseline this is the verdict. With one, a baselined
 * failure (`expected-deviation`) does not gate, any other failure of a `must` does, and a
 * `stale-deviation` does unless stale entries are allowed.
 */
export function gates(r: Pick<RunResults, 'verdict' | 'requirements' | 'baseline'>): boolean {
  if (r.verdict === 'error') return true;
  const stale = r.requirements.some((q) => q.outcome === 'stale-deviation');
  if (stale && !r.baseline?.allowStale) return true;
  return r.verdict !== 'conformant';
}

/** 0 conformant, 1 nonconformant (or the suite itself broke). */
export function exitCodeOf(verdict: RunResults['verdict']): 0 | 1 {
  return verdict === 'conformant' ? 0 : 1;
}
