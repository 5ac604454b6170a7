/**
 * @module harness/reporting/console-reporter
 * One line per requirement as it finishes, and the reason of each failure; the summary is printed
 * by the run once results are written. With a baseline, a baselined failure is marked as an
 * expected deviation and a baselined requirement that passed as a stale deviation.
 */
import type { Reporter, TestCase } from 'vitest/node';
import { outcomeUnder } from '../baseline/apply.ts';
import type { BaselineFile, BaselineFileEntry } from '../baseline/baseline-file.ts';
import type { Outcome } from './results.ts';

const MARK: Record<string, string> = { passed: '✓', failed: '✗', skipped: '-' };

export class ConsoleReporter implements Reporter {
  private readonly baseline: Map<string, BaselineFileEntry>;

  constructor(
    private readonly write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
    baseline?: BaselineFile,
  ) {
    this.baseline = new Map(baseline?.entries.map((e) => [e.id, e]));
  }

  onTestCaseResult(tc: TestCase): void {
    const req = tc.meta().requirement;
    const r = tc.result();
    if (!req || (r.state === 'skipped' && !r.note)) return;
    const strength = req.strength === 'must' ? '' : ` [${req.strength}]`;
    const notImplemented = r.state === 'failed' && tc.meta().notImplemented !== undefined;
    let suffix = r.state === 'passed' && req.strength === 'observe' ? ' (observed)' : notImplemented ? ' (not implemented)' : '';
    let mark = notImplemented ? '∅' : (MARK[r.state] ?? '?');
    const entry = this.baseline.get(req.id);
    if (entry && r.state !== 'skipped') {
      const raw: Outcome = r.state === 'passed' ? 'pass' : notImplemented ? 'not-implemented' : 'fail';
      const under = outcomeUnder(raw, entry);
      if (under === 'expected-deviation') [mark, suffix] = ['≈', `${suffix} (expected deviation)`];
      if (under === 'stale-deviation') [mark, suffix] = ['!', `${suffix} (stale deviation: passes, but the baseline lists it)`];
    }
    this.write(`  ${mark} ${tc.name}${strength}${suffix}`);
    if (r.state === 'failed') this.write(`      ${String(r.errors?.[0]?.message ?? '').split('\n')[0]}`);
    if (r.state === 'skipped') this.write(`      not applicable: ${r.note}`);
  }
}
