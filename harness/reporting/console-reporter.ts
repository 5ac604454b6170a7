/**
 * @module harness/reporting/console-reporter
 * One line per requirement as it finishes, and the reason of each failure; the summary is printed
 * by the run once results are written.
 */
import type { Reporter, TestCase } from 'vitest/node';

const MARK: Record<string, string> = { passed: '✓', failed: '✗', skipped: '-' };

export class ConsoleReporter implements Reporter {
  constructor(private readonly write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)) {}

  onTestCaseResult(tc: TestCase): void {
    const req = tc.meta().requirement;
    const r = tc.result();
    if (!req || (r.state === 'skipped' && !r.note)) return;
    const strength = req.strength === 'must' ? '' : ` [${req.strength}]`;
    const notImplemented = r.state === 'failed' && tc.meta().notImplemented !== undefined;
    const suffix = r.state === 'passed' && req.strength === 'observe' ? ' (observed)' : notImplemented ? ' (not implemented)' : '';
    this.write(`  ${notImplemented ? '∅' : (MARK[r.state] ?? '?')} ${tc.name}${strength}${suffix}`);
    if (r.state === 'failed') this.write(`      ${String(r.errors?.[0]?.message ?? '').split('\n')[0]}`);
    if (r.state === 'skipped') this.write(`      not applicable: ${r.note}`);
  }
}
