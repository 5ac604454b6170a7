import { describe, expect, it } from 'vitest';
import type { Outcome, RequirementResult } from '../results/index.ts';
import type { BaselineFile } from './baseline-file.ts';
import { provisionalReason, updateBaseline } from './update.ts';

function result(id: string, outcome: Outcome, message?: string, rawOutcome?: Outcome): RequirementResult {
  return {
    id,
    statement: `requirement ${id}`,
    operation: 'DeleteImportedKeyMaterial',
    source: { url: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html' },
    evidence: 'documented',
    strength: 'must',
    outcome,
    durationMs: 1,
    exchanges: [],
    ...(message && { failure: { message } }),
    ...(rawOutcome && { baseline: { reason: 'r', rawOutcome } }),
  };
}

function run(requirements: RequirementResult[], extra: { grep?: string; errors?: string[]; unknownIds?: string[] } = {}) {
  return {
    suite: { name: 'kms-conformance', version: '0.2.0' },
    run: { id: 'r', startedAt: '', finishedAt: '', durationMs: 0, seed: 1, ...(extra.grep && { grep: extra.grep }) },
    target: { name: 'endpoint', kind: 'endpoint', region: 'us-east-1', principals: ['primary'] },
    requirements,
    errors: extra.errors ?? [],
    ...(extra.unknownIds && { baseline: { path: 'b.json', target: 'moto', entries: 0, allowStale: false, unknownIds: extra.unknownIds, notRun: [] } }),
  };
}

const existing: BaselineFile = {
  target: 'moto',
  targetVersion: '5.2.1',
  suiteVersion: '0.1.0',
  entries: [
    { id: 'DIKM-01', reason: 'moto lacks the operation', link: 'https://github.com/getmoto/moto/pull/10183' },
    { id: 'DIKM-02', expect: 'fail', reason: 'alias accepted' },
    { id: 'DIKM-03', expect: 'not-implemented', reason: 'moto lacks the operation' },
    { id: 'DIKM-04', reason: 'needs a secondary principal' },
    { id: 'DIKM-05', reason: 'fixed upstream since' },
    { id: 'GONE-01', reason: 'a requirement the suite dropped' },
  ],
};

describe('updateBaseline', () => {
  it('keeps reasons of entries still failing, drops fixed ones, adds new failures as provisional', () => {
    const u = updateBaseline(existing, run([
      result('DIKM-01', 'expected-deviation', 'HTTP 500', 'not-implemented'),
      result('DIKM-02', 'fail', 'alias accepted'),
      result('DIKM-03', 'fail', 'expected NotFoundException but got ValidationException'),
      result('DIKM-04', 'not-applicable'),
      result('DIKM-05', 'stale-deviation', undefined, 'pass'),
      result('DIKM-06', 'fail', 'expected a client error\nbut the request succeeded (HTTP 200)'),
      result('DIKM-07', 'pass'),
    ]), { target: 'moto' });
    expect(u.file).toEqual({
      target: 'moto',
      targetVersion: '5.2.1',
      suiteVersion: '0.2.0',
      entries: [
        { id: 'DIKM-01', expect: 'not-implemented', reason: 'moto lacks the operation', link: 'https://github.com/getmoto/moto/pull/10183' },
        { id: 'DIKM-02', expect: 'fail', reason: 'alias accepted' },
        { id: 'DIKM-03', expect: 'fail', reason: 'moto lacks the operation', reviewed: false },
        { id: 'DIKM-04', reason: 'needs a secondary principal' },
        { id: 'DIKM-06', expect: 'fail', reason: 'observed: expected a client error but the request succeeded (HTTP 200)', reviewed: false },
      ],
    });
    expect(u.added.map((e) => e.id)).toEqual(['DIKM-06']);
    expect(u.removed).toEqual([{ id: 'DIKM-05', why: 'now passes' }, { id: 'GONE-01', why: 'the suite has no such requirement' }]);
    expect(u.changed).toEqual([{ id: 'DIKM-03', from: 'not-implemented', to: 'fail' }]);
    expect(u.unchecked).toEqual([{ id: 'DIKM-04', why: 'not-applicable' }]);
    expect(u.unreviewed).toEqual(['DIKM-03', 'DIKM-06']);
  });

  it('a partial run keeps the entries it did not run, but drops ids the run found unknown', () => {
    const u = updateBaseline(existing, run([result('DIKM-02', 'fail', 'alias accepted')], { grep: 'DIKM-02', unknownIds: ['GONE-01'] }), { target: 'moto' });
    expect(u.file.entries.map((e) => e.id)).toEqual(['DIKM-01', 'DIKM-02', 'DIKM-03', 'DIKM-04', 'DIKM-05']);
    expect(u.removed).toEqual([{ id: 'GONE-01', why: 'the suite has no such requirement' }]);
    expect(u.unchecked.map((x) => x.why)).toEqual(['not run', 'not run', 'not run', 'not run']);
  });

  it('a run with suite errors counts as partial', () => {
    const u = updateBaseline(existing, run([], { errors: ['specs/x.spec.ts: failed to load'] }), { target: 'moto' });
    expect(u.file.entries).toHaveLength(existing.entries.length);
    expect(u.removed).toEqual([]);
  });

  it('starts a baseline when there is none, named for the given target', () => {
    const u = updateBaseline(undefined, run([result('DIKM-01', 'not-implemented', 'Unexpected token <'), result('DIKM-02', 'pass')]), { target: 'moto', targetVersion: '5.2.1' });
    expect(u.file).toEqual({
      target: 'moto',
      targetVersion: '5.2.1',
      suiteVersion: '0.2.0',
      entries: [{ id: 'DIKM-01', expect: 'not-implemented', reason: 'not implemented: DeleteImportedKeyMaterial (Unexpected token <)', reviewed: false }],
    });
  });
});

describe('provisionalReason', () => {
  it('is one line of at most 200 characters, also without a message', () => {
    const long = provisionalReason(result('DIKM-01', 'fail', 'x'.repeat(500)));
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
    expect(provisionalReason(result('DIKM-01', 'fail'))).toBe('observed: failed without a message');
  });

  it('names the operation the target lacked: that of the last exchange (a set-up step), else the requirement\'s', () => {
    const exchange = (operation: string, status: number) => ({
      operation, principal: 'primary', via: 'sdk' as const,
      request: { method: 'POST', path: '/', headers: {}, body: {} },
      response: { status, headers: {}, body: '<!doctype html>' },
      durationMs: 1,
      at: '2026-12-01T00:00:00.000Z',
    });
    const setUp = { ...result('AIKM-30', 'not-implemented', 'not JSON'), exchanges: [exchange('CreateKey', 200), exchange('GetParametersForImport', 500)] };
    expect(provisionalReason(setUp)).toBe('not implemented: GetParametersForImport (not JSON)');
    expect(provisionalReason(result('DIKM-01', 'not-implemented', 'not JSON'))).toBe('not implemented: DeleteImportedKeyMaterial (not JSON)');
  });
});
