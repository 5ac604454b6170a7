/**
 * Console colour by the usual conventions (FORCE_COLOR, NO_COLOR, a terminal), the progress
 * counter with the plan's known total, colour only in the console, and a summary that says how long
 * the run took; ANSI codes never reach the files.
 */
import { describe, expect, it } from 'vitest';
import { colourEnabled, paint, stripAnsi } from './colour.ts';
import { ConsoleReporter } from './console-reporter.ts';

describe('colourEnabled', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false', NO_COLOR: '' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
  ])('%j on a terminal %s: %s', (env, tty, expected) => {
    expect(colourEnabled(env as NodeJS.ProcessEnv, tty)).toBe(expected);
  });

  it('paints only when enabled, and stripAnsi takes it off again', () => {
    expect(paint(false).red('x')).toBe('x');
    expect(paint(true).red('x')).not.toBe('x');
    expect(stripAnsi(paint(true).red('expected 1 to be 2'))).toBe('expected 1 to be 2');
  });
});

describe('ConsoleReporter', () => {
  /** A finished test case as vitest hands it to reporters, reduced to what the reporter reads. */
  const testCase = (id: string, state: 'passed' | 'failed', message?: string) =>
    ({
      name: `${id} — statement of ${id}`,
      meta: () => ({ requirement: { id, strength: 'must' } }),
      result: () => ({ state, ...(message && { errors: [{ message }] }) }),
    }) as never;

  it('numbers each line against the total the plan selected, from the first line on', () => {
    const lines: string[] = [];
    const r = new ConsoleReporter((l) => lines.push(l), undefined, { expected: 3 });
    r.onTestRunStart([{}, {}] as never);
    r.onTestCaseResult(testCase('KEY-01', 'passed'));
    r.onTestCaseResult(testCase('KEY-02', 'failed', 'expected Enabled, got Disabled'));
    expect(lines).toEqual(['  [1/3] ✓ KEY-01 — statement of KEY-01', '  [2/3] ✗ KEY-02 — statement of KEY-02', '      expected Enabled, got Disabled']);
  });

  it('writes areas in the order of their paths however the workers interleave, numbering lines as written', () => {
    const lines: string[] = [];
    const r = new ConsoleReporter((l) => lines.push(l), undefined, { expected: 3 });
    r.onInit({ config: { root: '/p' } } as never);
    const mod = (name: string, ids: string[]) => ({ moduleId: `/p/specs/${name}.spec.ts`, children: { allTests: () => ids.map(() => ({ options: { mode: 'run' } })) } }) as never;
    const inModule = (name: string, id: string) => ({ ...(testCase(id, 'passed') as object), module: { moduleId: `/p/specs/${name}.spec.ts` } }) as never;
    r.onTestRunStart([{ moduleId: '/p/specs/b.spec.ts' }, { moduleId: '/p/specs/a.spec.ts' }] as never);
    // b's worker is first and finishes before a has said anything.
    r.onTestModuleCollected(mod('b', ['B-1']));
    r.onTestCaseResult(inModule('b', 'B-1'));
    r.onTestModuleEnd(mod('b', ['B-1']));
    expect(lines).toEqual([]);
    r.onTestModuleCollected(mod('a', ['A-1', 'A-2']));
    r.onTestCaseResult(inModule('a', 'A-1'));
    expect(lines).toEqual(['▸ a (2 checks)', '  [1/3] ✓ A-1 — statement of A-1']);
    r.onTestCaseResult(inModule('a', 'A-2'));
    r.onTestModuleEnd(mod('a', ['A-1', 'A-2']));
    expect(lines).toEqual(['▸ a (2 checks)', '  [1/3] ✓ A-1 — statement of A-1', '  [2/3] ✓ A-2 — statement of A-2', '▸ b (1 check)', '  [3/3] ✓ B-1 — statement of B-1']);
  });

  it('colours the marks when asked, and only then', () => {
    const lines: string[] = [];
    new ConsoleReporter((l) => lines.push(l), undefined, { expected: 1, colours: paint(true) }).onTestCaseResult(testCase('KEY-01', 'passed'));
    expect(lines[0]).not.toBe('  [1/1] ✓ KEY-01 — statement of KEY-01');
    expect(stripAnsi(lines[0]!)).toBe('  [1/1] ✓ KEY-01 — statement of KEY-01');
  });
});
