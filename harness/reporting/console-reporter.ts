/**
 * @module harness/reporting/console-reporter
 * Progress while the specs run: a line when an area's spec file starts (with how many checks it
 * holds), then one line per requirement as it finishes, numbered `[done/total]` (`total+` while spec
 * files are still being collected), with the reason of
 * each failure. Plain lines only, so CI logs stay readable; the summary is printed by the run once
 * results are written.
 */
import { relative } from 'node:path';
import type { Reporter, TestCase, TestModule, TestSpecification, Vitest } from 'vitest/node';
import { outcomeUnderBaseline, type DeviatingOutcome, type Outcome } from '../results/index.ts';
import { paint, type Paint } from './colour.ts';

const MARK: Record<string, string> = { passed: '✓', failed: '✗', skipped: '-' };

export interface ConsoleOptions {
  /** How many checks the run selected (the plan knows): the counter's total from the first line. */
  expected?: number;
  /** Colours for the marks (none by default). */
  colours?: Paint;
}

/** `specs/protocol/signature.spec.ts` → `protocol / signature`. */
export function areaOf(moduleId: string, root: string): string {
  const rel = relative(root, moduleId).replace(/\\/g, '/').replace(/^specs\//, '').replace(/\.spec\.ts$/, '');
  return rel.split('/').join(' / ');
}

/** Tests of a module that this run will execute (a --grep run marks the others as skipped). */
function runnable(m: TestModule): number {
  let n = 0;
  for (const tc of m.children.allTests()) if (tc.options.mode === 'run' || tc.options.mode === 'only') n++;
  return n;
}

export class ConsoleReporter implements Reporter {
  private root = process.cwd();
  private done = 0;
  /** Checks collected so far; it grows while spec files are still being collected. */
  private total = 0;
  private modules = 0;
  private collected = 0;

  private readonly baseline: Map<string, { expect?: DeviatingOutcome }>;
  private readonly c: Paint;
  private readonly expected: number | undefined;

  constructor(
    private readonly write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
    baseline?: { entries: readonly { id: string; expect?: DeviatingOutcome }[] },
    options: ConsoleOptions = {},
  ) {
    this.baseline = new Map(baseline?.entries.map((e) => [e.id, e]));
    this.c = options.colours ?? paint(false);
    this.expected = options.expected;
  }

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
  }

  onTestRunStart(specs: ReadonlyArray<TestSpecification>): void {
    this.modules = specs.length;
  }

  onTestModuleCollected(m: TestModule): void {
    this.collected++;
    const n = runnable(m);
    if (n === 0) return;
    this.total += n;
    this.write(this.c.bold(`▸ ${areaOf(m.moduleId, this.root)} (${n} check${n === 1 ? '' : 's'})`));
  }

  onTestCaseResult(tc: TestCase): void {
    const req = tc.meta().requirement;
    const r = tc.result();
    const notApplicable = tc.meta().notApplicable;
    if (!req || (r.state === 'skipped' && notApplicable === undefined)) return;
    this.done++;
    // The plan knows how many checks were selected; without it, until every spec file is collected
    // the total is a lower bound, shown as `12/40+`.
    const more = this.expected === undefined && this.collected < this.modules ? '+' : '';
    const counter = this.c.dim(`[${this.done}/${this.expected ?? Math.max(this.total, this.done)}${more}]`);
    const strength = req.strength === 'must' ? '' : ` [${req.strength}]`;
    const notImplemented = r.state === 'failed' && tc.meta().notImplemented !== undefined;
    let suffix = r.state === 'passed' && req.strength === 'observe' ? ' (observed)' : notImplemented ? ' (not implemented)' : '';
    let mark = notImplemented ? '∅' : (MARK[r.state] ?? '?');
    const entry = this.baseline.get(req.id);
    if (entry && r.state !== 'skipped') {
      const raw: Outcome = r.state === 'passed' ? 'pass' : notImplemented ? 'not-implemented' : 'fail';
      const under = outcomeUnderBaseline(raw, entry.expect);
      if (under === 'expected-deviation') [mark, suffix] = ['≈', `${suffix} (expected deviation)`];
      if (under === 'stale-deviation') [mark, suffix] = ['!', `${suffix} (stale deviation: passes, but the baseline lists it)`];
    }
    const colour = { '✓': this.c.green, '✗': this.c.red, '∅': this.c.magenta, '≈': this.c.yellow, '!': this.c.red, '-': this.c.dim }[mark] ?? ((x: string) => x);
    this.write(`  ${counter} ${colour(mark)} ${tc.name}${strength}${suffix}`);
    if (r.state === 'failed') this.write(`      ${String(r.errors?.[0]?.message ?? '').split('\n')[0]}`);
    if (r.state === 'skipped') this.write(`      not applicable: ${notApplicable}`);
  }
}
