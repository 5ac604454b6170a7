import { describe, expect, it } from 'vitest';
import { areaOf } from './console-reporter.ts';
import { summarize, verdictOf, type RequirementResult, type RunResults } from '../results/index.ts';
import { formatSummary } from './summary.ts';

function req(id: string, strength: RequirementResult['strength'], outcome: RequirementResult['outcome']): RequirementResult {
  return { id, statement: 's', operation: 'CreateKey', source: { url: 'https://x' }, evidence: 'documented', strength, outcome, durationMs: 1, exchanges: [] };
}

function results(reqs: RequirementResult[], extra: Partial<RunResults['run']> = {}): RunResults {
  return {
    schemaVersion: '1.0.0',
    suite: { name: 'kms-conformance', version: '0.1.0' },
    run: { id: 'r', startedAt: '', finishedAt: '', durationMs: 1, seed: 1, ...extra },
    target: { name: 'embedded', kind: 'embedded', region: 'us-east-1', principals: ['primary'] },
    verdict: verdictOf(reqs, []),
    summary: summarize(reqs),
    requirements: reqs,
    errors: [],
  };
}

describe('formatSummary', () => {
  it('counts per outcome and per strength, names failed must ids, the verdict and the paths written', () => {
    const r = results([req('KEY-01', 'must', 'pass'), req('KEY-02', 'must', 'fail'), req('KEY-03', 'must', 'not-implemented'), req('KEY-04', 'observe', 'observed'), req('KEY-05', 'should', 'fail')]);
    const lines = formatSummary(r, ['/work/out/results.json', '/elsewhere/manifest.json'], '/work');
    expect(lines).toEqual([
      '',
      '5 requirements: 1 passed, 2 failed, 1 not implemented, 1 observed',
      '  must       3: 1 passed, 1 failed, 1 not implemented',
      '  should     1: 1 failed',
      '  observe    1: 1 observed',
      'what to fix first (2 causes, by the must requirements each explains):',
      '  1 must, 2 in all: CreateKey: failed without a message (KEY-02, KEY-05)',
      '  1 must: CreateKey is not implemented (KEY-03)',
      'failed required checks: KEY-02, KEY-03',
      'verdict: nonconformant (2 required checks failed)',
      'took 0.0 s',
      'written:',
      '  out/results.json',
      '  /elsewhere/manifest.json',
    ]);
  });

  it('names at most ten failed ids, says a --grep run is partial, and lists stale deviations', () => {
    const reqs = Array.from({ length: 12 }, (_, i) => req(`KEY-${String(i + 1).padStart(2, '0')}`, 'must', 'fail'));
    reqs.push(req('KEY-13', 'must', 'stale-deviation'));
    const lines = formatSummary(results(reqs, { grep: 'KEY' }), []);
    expect(lines).toContain('failed required checks: KEY-01, KEY-02, KEY-03, KEY-04, KEY-05, KEY-06, KEY-07, KEY-08, KEY-09, KEY-10 and 2 more');
    expect(lines).toContain('stale baseline entries (now passing): KEY-13');
    expect(lines).toContain("partial run: only requirements selected by --grep 'KEY' ran");
    expect(lines.some((l) => l.includes('stale deviation'))).toBe(true);
  });
});

it('areaOf names a spec file by its folder and file', () => {
  expect(areaOf('/p/specs/delete-imported-key-material/key-states.spec.ts', '/p')).toBe('delete-imported-key-material / key-states');
});
