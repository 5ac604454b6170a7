/**
 * @module harness/reporting/results-reporter
 * A vitest reporter that turns finished tests into requirement results. It runs in the main process;
 * the evidence arrives through each test's metadata.
 */
import { relative } from 'node:path';
import { stripAnsi } from './colour.ts';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { SerializedError } from 'vitest';
import type { Outcome, RequirementResult } from '../results/index.ts';

function outcomeOf(tc: TestCase): { outcome: Outcome; note?: string } | undefined {
  const r = tc.result();
  const meta = tc.meta();
  const strength = meta.requirement?.strength;
  if (r.state === 'passed') return { outcome: strength === 'observe' ? 'observed' : 'pass' };
  if (r.state === 'failed') return { outcome: meta.blockedBy ? 'blocked' : meta.notImplemented ? 'not-implemented' : 'fail' };
  // A check that said it does not apply to the target; any other skip is a check that never ran
  // (filtered out, or cancelled by an interruption), and is not part of the results.
  if (r.state === 'skipped' && meta.notApplicable !== undefined) return { outcome: 'not-applicable', note: meta.notApplicable };
  return undefined;
}

function failureOf(tc: TestCase): RequirementResult['failure'] {
  const r = tc.result();
  const err = (r.errors?.[0] ?? undefined) as (SerializedError & { diff?: string; expected?: unknown; actual?: unknown }) | undefined;
  if (!err) return undefined;
  const meta = tc.meta();
  const failure: NonNullable<RequirementResult['failure']> = { message: stripAnsi(String(err.message ?? 'failed')).split('\n')[0]! };
  const expectation = meta.expectation ?? (err.expected !== undefined || err.actual !== undefined ? { expected: err.expected, actual: err.actual } : undefined);
  if (expectation) Object.assign(failure, expectation);
  if (err.diff) failure.diff = stripAnsi(err.diff);
  return failure;
}

export class ResultsReporter implements Reporter {
  readonly results: RequirementResult[] = [];
  readonly errors: string[] = [];
  /** Checks stopped by the harness before they could change something the run did not create. */
  readonly safetyRefusals: string[] = [];
  /** Every requirement id the collected spec files declare, run or filtered out (for the manifest). */
  readonly catalogue: string[] = [];

  onTestCaseResult(tc: TestCase): void {
    const meta = tc.meta();
    const req = meta.requirement;
    if (!req) return;
    const o = outcomeOf(tc);
    if (!o) return;
    const failure = o.outcome === 'fail' || o.outcome === 'not-implemented' || o.outcome === 'blocked' ? failureOf(tc) : undefined;
    const first = tc.result().errors?.[0] as { name?: string } | undefined;
    if (first?.name === 'SafetyRefusal') this.safetyRefusals.push(`${req.id}: ${failure?.message ?? 'refused'}`);
    this.results.push({
      ...req,
      outcome: o.outcome,
      durationMs: Math.round(tc.diagnostic()?.duration ?? 0),
      ...(failure && { failure }),
      ...(o.note && { note: o.note }),
      ...(meta.blockedBy && { blockedBy: meta.blockedBy }),
      ...(meta.observations && { observations: meta.observations }),
      exchanges: meta.exchanges ?? [],
      ...(meta.cleanupProblems && { cleanupProblems: meta.cleanupProblems }),
    });
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    for (const m of modules) {
      for (const e of m.errors()) this.errors.push(`${m.moduleId}: ${e.message}`);
      for (const tc of m.children.allTests()) {
        const id = tc.meta().requirement?.id;
        if (id) this.catalogue.push(id);
      }
    }
    for (const e of unhandledErrors) this.errors.push(unhandledLine(e));
    this.results.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  }
}

/**
 * An unhandled error in a worker, with where vitest saw it: the spec file and the test that was
 * running (vitest adds both to the error), so a stray rejection can be traced to its check.
 */
export function unhandledLine(e: SerializedError): string {
  const x = e as SerializedError & { VITEST_TEST_PATH?: string; VITEST_TEST_NAME?: string };
  // The first frame in the project's own code says which call was left unawaited.
  const frame = (e.stack ?? '').split('\n').map((l) => /\(?((?:\/|file:)[^()\s]*\/(?:specs|harness)\/[^()\s]+:\d+:\d+)\)?\s*$/.exec(l)?.[1]).find(Boolean);
  const where = [
    x.VITEST_TEST_PATH && relative(process.cwd(), x.VITEST_TEST_PATH),
    x.VITEST_TEST_NAME && `while "${x.VITEST_TEST_NAME}" ran`,
    frame && `at ${relative(process.cwd(), frame.replace(/^file:\/\//, ''))}`,
  ].filter(Boolean).join(', ');
  return `unhandled: ${e.message}${where ? ` (${where})` : ''}`;
}
