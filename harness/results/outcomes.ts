/**
 * @module harness/results/outcomes
 * The outcome vocabulary, in one place (shared/DESIGN.md): every outcome a requirement can come to,
 * the words each is shown with, and which of them are problems. Reporting, baselines, compare and the
 * console read it from here; none keeps its own list.
 */

/** What a requirement check came to, in report order. */
export const OUTCOMES = ['pass', 'fail', 'not-implemented', 'blocked', 'not-applicable', 'observed', 'expected-deviation', 'stale-deviation'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface OutcomeWords {
  /** In a sentence and in tables: `not implemented`. */
  readonly label: string;
  /** In counts: `3 passed`, `2 expected deviations` (see countOf). */
  readonly counted: string;
  /** As a badge or heading: `Not implemented`. */
  readonly title: string;
  /** What it means, for the legend. */
  readonly meaning: string;
}

export const OUTCOME_WORDS: { readonly [O in Outcome]: OutcomeWords } = {
  pass: { label: 'pass', counted: 'passed', title: 'Pass', meaning: 'the target behaved as the requirement says' },
  fail: { label: 'fail', counted: 'failed', title: 'Fail', meaning: 'the target did not behave as the requirement says' },
  'not-implemented': { label: 'not implemented', counted: 'not implemented', title: 'Not implemented', meaning: 'the target does not have the operation under test' },
  blocked: { label: 'blocked', counted: 'blocked', title: 'Blocked', meaning: 'a set-up step met what another requirement (named) checks, so this one was not checked; it counts with that one' },
  'not-applicable': { label: 'not applicable', counted: 'not applicable', title: 'Not applicable', meaning: 'the target declared it lacks a capability the check needs' },
  observed: { label: 'observed', counted: 'observed', title: 'Observed', meaning: 'AWS behaviour is unknown here; what the target answered is recorded, with no verdict' },
  'expected-deviation': { label: 'expected deviation', counted: 'expected deviation', title: 'Expected deviation', meaning: 'a failure the known-deviation baseline lists; it does not fail the run' },
  'stale-deviation': { label: 'stale deviation', counted: 'stale deviation', title: 'Stale deviation', meaning: 'the baseline lists this requirement but it now passes; update the baseline' },
};

/** `3 passed`, `1 expected deviation`, `2 expected deviations`. */
export function countOf(outcome: Outcome, n: number): string {
  const word = OUTCOME_WORDS[outcome].counted;
  return `${n} ${word}${n !== 1 && word.endsWith('deviation') ? 's' : ''}`;
}

/**
 * The raw outcomes in which a target deviates: what a baseline entry may expect. A blocked `must`
 * requirement was not shown to hold, so it counts against conformance like a failure.
 */
export const DEVIATING_OUTCOMES = ['fail', 'not-implemented', 'blocked'] as const satisfies readonly Outcome[];
export type DeviatingOutcome = (typeof DEVIATING_OUTCOMES)[number];

/** Outcomes that need someone's attention: a failure, a missing operation, a baseline out of date. */
export const PROBLEM_OUTCOMES: ReadonlySet<Outcome> = new Set<Outcome>([...DEVIATING_OUTCOMES, 'stale-deviation']);

export function isDeviating(o: Outcome): o is DeviatingOutcome {
  return (DEVIATING_OUTCOMES as readonly Outcome[]).includes(o);
}

/** A problem outcome (fail, not-implemented, blocked, stale-deviation). */
export function isProblem(o: Outcome): boolean {
  return PROBLEM_OUTCOMES.has(o);
}

/**
 * The outcome of one requirement under a baseline entry. A deviation is expected when the entry
 * names no outcome or names this one; a deviation of the other kind (an operation once missing, now
 * present but wrong) is left as it is, so it gates. A pass or an observation of a baselined
 * requirement makes the entry stale. Not-applicable is left as it is: the check said nothing.
 */
export function outcomeUnderBaseline(raw: Outcome, expect: DeviatingOutcome | undefined): Outcome {
  if (isDeviating(raw)) return expect === undefined || expect === raw ? 'expected-deviation' : raw;
  if (raw === 'pass' || raw === 'observed') return 'stale-deviation';
  return raw;
}

/** What a run comes to as a whole (see verdict.ts). */
export const VERDICTS = ['conformant', 'conformant-to-baseline', 'nonconformant', 'error'] as const;

/** How strong a requirement is, and how strong its evidence (shared/DESIGN.md). */
export const STRENGTHS = ['must', 'should', 'observe'] as const;
export type Strength = (typeof STRENGTHS)[number];
export const EVIDENCE_LEVELS = ['recorded', 'documented', 'inferred', 'unknown'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

export const STRENGTH_MEANING: { readonly [S in Strength]: string } = {
  must: 'AWS documents or was recorded doing this; a failure makes the target nonconformant',
  should: 'a parity detail (message text, content type); reported, but does not decide the verdict',
  observe: 'AWS behaviour is unknown; the answer is recorded for comparison',
};

export const EVIDENCE_MEANING: { readonly [E in EvidenceLevel]: string } = {
  recorded: 'seen in a recording of real AWS',
  documented: 'stated in the AWS documentation',
  inferred: 'follows from documented behaviour',
  unknown: 'AWS behaviour is not known',
};
