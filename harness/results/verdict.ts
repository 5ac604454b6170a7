/**
 * @module harness/results/verdict
 * How the counts, the verdict and the exit code follow from the requirement outcomes (shared/DESIGN.md).
 */
import { OUTCOMES, STRENGTHS, isDeviating, type Outcome, type Strength } from './outcomes.ts';
import type { RequirementResult, RunResults, Verdict } from './schema.ts';

function zero(): Record<Outcome, number> {
  return Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
}

export function summarize(requirements: readonly Pick<RequirementResult, 'outcome' | 'strength'>[]): RunResults['summary'] {
  const byOutcome = zero();
  const byStrength = Object.fromEntries(STRENGTHS.map((s) => [s, zero()])) as Record<Strength, Record<Outcome, number>>;
  for (const r of requirements) {
    byOutcome[r.outcome]++;
    byStrength[r.strength][r.outcome]++;
  }
  return { total: requirements.length, byOutcome, byStrength };
}

/** A `must` requirement that failed or whose operation the target lacks: what makes a run nonconformant. */
export function failsConformance(r: Pick<RequirementResult, 'outcome' | 'strength'>): boolean {
  return r.strength === 'must' && isDeviating(r.outcome);
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
  requirements: readonly Pick<RequirementResult, 'outcome' | 'strength'>[],
  errors: readonly string[],
  baseline?: Pick<NonNullable<RunResults['baseline']>, 'allowStale' | 'unknownIds'>,
): Verdict {
  if (errors.length > 0) return 'error';
  if (requirements.some(failsConformance)) return 'nonconformant';
  const stale = requirements.some((r) => r.outcome === 'stale-deviation') || (baseline?.unknownIds.length ?? 0) > 0;
  if (stale && !baseline?.allowStale) return 'nonconformant';
  return requirements.some((r) => r.strength === 'must' && r.outcome === 'expected-deviation') ? 'conformant-to-baseline' : 'conformant';
}

/** 0 conformant (to AWS, or to the baseline), 1 nonconformant (or the suite itself broke). */
export function exitCodeOf(verdict: Verdict): 0 | 1 {
  return verdict === 'conformant' || verdict === 'conformant-to-baseline' ? 0 : 1;
}

/** Whether the run gates (exit 1): the verdict is neither `conformant` nor `conformant-to-baseline`. */
export function gates(r: Pick<RunResults, 'verdict'>): boolean {
  return exitCodeOf(r.verdict) !== 0;
}

/**
 * The filters a partial run was limited by, as options (`--grep 'KEY' --strength must`); undefined
 * for a whole run. Results before 1.2.0 have only `grep`.
 */
export function runFilter(run: { grep?: string | undefined; filter?: string | undefined }): string | undefined {
  return run.filter ?? (run.grep !== undefined ? `--grep '${run.grep}'` : undefined);
}
