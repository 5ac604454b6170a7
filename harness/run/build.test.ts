/**
 * Building a run's results from its plan and what the execution reported: pure, so every case is
 * a plain call (no vitest run, no endpoint).
 */
import { describe, expect, it } from 'vitest';
import type { BaselineFile } from '../baseline/baseline-file.ts';
import { withKindDefaults } from '../config/resolve-target.ts';
import { req } from '../test-support/run-results.ts';
import { buildRunResults, type BuildInput } from './build.ts';
import type { Execution } from './execute.ts';
import type { RunPlan } from './plan.ts';

const target = withKindDefaults({ name: 'emu', kind: 'endpoint', endpoint: 'http://127.0.0.1:9', region: 'us-east-1', principals: { primary: {} } });

function input(execution: Partial<Execution>, planExtra: Partial<RunPlan> = {}, sweepProblems: string[] = []): BuildInput {
  const plan: RunPlan = {
    suiteVersion: '9.9.9',
    runId: 'kmsct-20261201T100000-abcd',
    target,
    allowStale: false,
    out: { dir: '/tmp/x' },
    selection: { requirements: [], files: [] },
    catalogue: ['DIKM-01', 'DIKM-02', 'KEY-01'],
    ledgerPath: '/tmp/x.jsonl',
    ...planExtra,
  };
  return {
    plan,
    target: { ...target, version: '1.2.3' },
    seed: 7,
    execution: { requirements: [], errors: [], safetyRefusals: [], interrupted: false, declared: ['DIKM-01', 'DIKM-02', 'KEY-01'], ...execution },
    sweep: { problems: sweepProblems },
    startedAt: new Date('2026-12-01T10:00:00Z'),
    finishedAt: new Date('2026-12-01T10:00:02.5Z'),
  };
}

describe('buildRunResults', () => {
  it('a run whose must requirements pass is conformant, with the target as the session had it', () => {
    const { results } = buildRunResults(input({ requirements: [req('DIKM-01', 'pass'), req('KEY-01', 'pass')] }));
    expect(results.verdict).toBe('conformant');
    expect(results.summary.byOutcome.pass).toBe(2);
    expect(results.run).toEqual({ id: 'kmsct-20261201T100000-abcd', startedAt: '2026-12-01T10:00:00.000Z', finishedAt: '2026-12-01T10:00:02.500Z', durationMs: 2500, seed: 7 });
    expect(results.target).toEqual({ name: 'emu', kind: 'endpoint', endpoint: 'http://127.0.0.1:9', region: 'us-east-1', principals: ['primary'], version: '1.2.3' });
    expect(results.suite.version).toBe('9.9.9');
  });

  it('a must failure is nonconformant; with a baseline listing it, conformant to the baseline', () => {
    const execution = { requirements: [req('DIKM-01', 'fail'), req('KEY-01', 'pass')] };
    expect(buildRunResults(input(execution)).results.verdict).toBe('nonconformant');
    const file: BaselineFile = { target: 'emu', suiteVersion: '9.9.9', entries: [{ id: 'DIKM-01', reason: 'known' }, { id: 'DIKM-02', reason: 'not run here' }, { id: 'GONE-01', reason: 'removed long ago' }] };
    const built = buildRunResults(input(execution, { baseline: { path: '/b.json', file }, allowStale: true }));
    expect(built.results.requirements[0]).toMatchObject({ id: 'DIKM-01', outcome: 'expected-deviation', baseline: { rawOutcome: 'fail', reason: 'known' } });
    expect(built.results.verdict).toBe('conformant-to-baseline');
    expect(built.results.baseline).toMatchObject({ unknownIds: ['GONE-01'], notRun: ['DIKM-02'] });
    expect(built.notes).toEqual(['GONE-01: baselined, but the suite has no such requirement (stale entry, allowed)']);
  });

  it('an interrupted run lists what did not run and claims nothing about it, baselined or not', () => {
    const file: BaselineFile = { target: 'emu', suiteVersion: '9.9.9', entries: [{ id: 'DIKM-02', reason: 'known' }, { id: 'KEY-01', reason: 'known' }] };
    const selection = { requirements: ['DIKM-01', 'DIKM-02', 'KEY-01'].map((id) => ({ ...req(id, 'pass'), file: 'specs/x.spec.ts' })), files: [] };
    const built = buildRunResults(input({ interrupted: true, requirements: [req('DIKM-01', 'pass')], declared: ['DIKM-01'] }, { selection, baseline: { path: '/b.json', file } }));
    expect(built.results.run).toMatchObject({ interrupted: true, notRun: ['DIKM-02', 'KEY-01'] });
    expect(built.results.baseline).toMatchObject({ unknownIds: [], notRun: ['DIKM-02', 'KEY-01'] });
    expect(built.notes).toEqual([]);
    expect(built.results.verdict).toBe('conformant');
  });

  it('marks partial runs: --grep and interruption', () => {
    const { results } = buildRunResults(input({ interrupted: true }, { selection: { grep: '^KEY', requirements: [], files: [] } }));
    expect(results.run).toMatchObject({ grep: '^KEY', interrupted: true });
  });

  it('suite errors make the verdict error; cleanup problems are listed but do not', () => {
    expect(buildRunResults(input({ errors: ['specs/x.spec.ts: boom'] })).results.verdict).toBe('error');
    const cleanup = buildRunResults(input({ requirements: [req('KEY-01', 'pass')] }, {}, ['key k: AccessDenied'])).results;
    expect(cleanup.errors).toEqual(['cleanup: key k: AccessDenied']);
    expect(cleanup.verdict).toBe('conformant');
  });

  it('a spec declaring a requirement the catalogue lacks is a suite error naming it', () => {
    const { results } = buildRunResults(input({ requirements: [req('KEY-01', 'pass')], declared: ['KEY-01', 'KEY-99'] }));
    expect(results.verdict).toBe('error');
    expect(results.errors[0]).toMatch(/catalogue .* is out of date: KEY-99 not in it; run npm run catalogue/);
  });
});
