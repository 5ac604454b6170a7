/**
 * @module harness/reporting/console-reporter
 * Progress while the specs run: a line when an area's spec file starts (with how many checks it
 * holds), then one line per requirement as it finishes, numbered `[done/total]` (`total+` while spec
 * files are still being collected), with the reason of
 * each failure. Plain lines only, so CI logs stay readable; the summary is printed by the run once
 * results are written.
 *
 * Areas come out in one order every run, that of their paths, however the workers interleave: an
 * area's lines are written as they come while it is the first unfinished area, and held until then
 * otherwise (so two runs' logs can be compared line by line). The counter counts lines written.
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

  /** The spec files in the order their areas are shown, the first unfinished one, and what waits. */
  private order: string[] = [];
  private current = 0;
  private readonly held = new Map<string, Array<() => void>>();
  private readonly ended = new Set<string>();

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
    this.order = [...new Set(specs.map((s) => s?.moduleId).filter((id): id is string => typeof id === 'string'))].sort();
  }

  /** Runs `emit` now when `moduleId` is the area being shown (or unknown), else when its turn comes. */
  private inTurn(moduleId: string | undefined, emit: () => void): void {
    if (moduleId === undefined || !this.order.includes(moduleId) || this.order[this.current] === moduleId) return emit();
    const queue = this.held.get(moduleId) ?? [];
    queue.push(emit);
    this.held.set(moduleId, queue);
  }

  /** Moves past finished areas, writing what each next one held. */
  private advance(): void {
    while (this.current < this.order.length) {
      const id = this.order[this.current]!;
      for (const emit of this.held.get(id) ?? []) emit();
      this.held.delete(id);
      if (!this.ended.has(id)) return;
      this.current++;
    }
  }

  onTestModuleCollected(m: TestModule): void {
    this.collected++;
    const n = runnable(m);
    if (n === 0) return;
    this.total += n;
    this.inTurn(m.moduleId, () => this.write(this.c.bold(`▸ ${areaOf(m.moduleId, this.root)} (${n} check${n === 1 ? '' : 's'})`)));
  }

  onTestModuleEnd(m: TestModule): void {
    this.ended.add(m.moduleId);
    this.advance();
  }

  /** Whatever is still held (a run cut short) is written, in order. */
  onTestRunEnd(): void {
    for (const id of this.order) this.ended.add(id);
    this.advance();
  }

  onTestCaseResult(tc: TestCase): void {
    const req = tc.meta().requirement;
    const r = tc.result();
    const notApplicable = tc.meta().notApplicable;
    if (!req || (r.state === 'skipped' && notApplicable === undefined)) return;
    this.inTurn((tc as { module?: TestModule }).module?.moduleId, () => this.line(tc));
  }

  private line(tc: TestCase): void {
    const req = tc.meta().requirement!;
    const r = tc.result();
    const notApplicable = tc.meta().notApplicable;
    this.done++;
    // The plan knows how many checks were selected; without it, until every spec file is collected
    // the total is a lower bound, shown as `12/40+`.
    const more = this.expected === undefined && this.collected < this.modules ? '+' : '';
    const counter = this.c.dim(`[${this.done}/${this.expected ?? Math.max(this.total, this.done)}${more}]`);
    const strength = req.strength === 'must' ? '' : ` [${req.strength}]`;
    const blocked = r.state === 'failed' ? tc.meta().blockedBy : undefined;
    const notImplemented = r.state === 'failed' && !blocked && tc.meta().notImplemented !== undefined;
    let suffix = r.state === 'passed' && req.strength === 'observe' ? ' (observed)' : notImplemented ? ' (not implemented)' : blocked ? ` (blocked by ${blocked})` : '';
    let mark = notImplemented ? '∅' : blocked ? '⊘' : (MARK[r.state] ?? '?');
    const entry = this.baseline.get(req.id);
    if (entry && r.state !== 'skipped') {
      const raw: Outcome = r.state === 'passed' ? 'pass' : notImplemented ? 'not-implemented' : blocked ? 'blocked' : 'fail';
      const under = outcomeUnderBaseline(raw, entry.expect);
      if (under === 'expected-deviation') [mark, suffix] = ['≈', `${suffix} (expected deviation)`];
      if (under === 'stale-deviation') [mark, suffix] = ['!', `${suffix} (stale deviation: passes, but the baseline lists it)`];
    }
    const colour = { '✓': this.c.green, '✗': this.c.red, '∅': this.c.magenta, '⊘': this.c.magenta, '≈': this.c.yellow, '!': this.c.red, '-': this.c.dim }[mark] ?? ((x: string) => x);
    this.write(`  ${counter} ${colour(mark)} ${tc.name}${strength}${suffix}`);
    if (r.state === 'failed') this.write(`      ${String(r.errors?.[0]?.message ?? '').split('\n')[0]}`);
    if (r.state === 'skipped') this.write(`      not applicable: ${notApplicable}`);
  }
}
