import { describe, expect, it } from 'vitest';
import { loaded, req, run } from '../../test-support/run-results.ts';
import { OUTCOMES, type Outcome } from '../../results/index.ts';
import { changesOf, classifyOutcome, diffRuns, hasRegression } from './diff.ts';

describe('classifyOutcome', () => {
  const acceptable: Outcome[] = ['pass', 'observed', 'not-applicable', 'expected-deviation'];
  const failing: Outcome[] = ['fail', 'not-implemented', 'blocked', 'stale-deviation'];

  it('covers every outcome on exactly one side', () => {
    expect([...acceptable, ...failing].sort()).toEqual([...OUTCOMES].sort());
  });

  const cases: [Outcome, Outcome, ReturnType<typeof classifyOutcome>][] = [
    ['pass', 'pass', null],
    ['pass', 'fail', 'regressed'],
    ['pass', 'not-implemented', 'regressed'],
    ['observed', 'fail', 'regressed'],
    ['not-applicable', 'fail', 'regressed'],
    ['expected-deviation', 'stale-deviation', 'regressed'],
    ['expected-deviation', 'fail', 'regressed'],
    ['fail', 'pass', 'improved'],
    ['not-implemented', 'pass', 'improved'],
    ['stale-deviation', 'pass', 'improved'],
    ['fail', 'expected-deviation', 'improved'],
    ['pass', 'not-applicable', 'changed'],
    ['pass', 'expected-deviation', 'changed'],
    ['fail', 'not-implemented', 'changed'],
    ['not-implemented', 'fail', 'changed'],
  ];
  it.each(cases)('%s → %s is %s', (before, after, kind) => {
    expect(classifyOutcome(before, after)).toBe(kind);
  });

  it('every acceptable → failing pair is a regression and the reverse an improvement', () => {
    for (const a of acceptable) for (const f of failing) {
      expect(classifyOutcome(a, f)).toBe('regressed');
      expect(classifyOutcome(f, a)).toBe('improved');
    }
  });
});

describe('diffRuns', () => {
  const answer = (runId: string, code: string) => [{ label: 'answer', value: { code, message: `Invalid keyId 'alias/kms-conformance/${runId}/x' for key 1234abcd-12ab-34cd-56ef-1234567890ab` } }];
  const oldRun = run('moto', [
    req('DIKM-01', 'pass'),
    req('DIKM-02', 'pass'),
    req('DIKM-03', 'fail'),
    req('DIKM-04', 'observed', { observations: answer('kmsct-20261128T010101-aaaa', 'NotFoundException') }),
    req('DIKM-05', 'observed', { observations: answer('kmsct-20261128T010101-aaaa', 'NotFoundException') }),
    req('DIKM-06', 'pass'),
    req('DIKM-07', 'fail', { failure: { message: 'expected NotFoundException but got X' } }),
    req('DIKM-08', 'pass'),
  ], { runId: 'kmsct-20261128T010101-aaaa' });
  const newRun = run('moto', [
    req('DIKM-01', 'pass'),
    req('DIKM-02', 'fail'),
    req('DIKM-03', 'pass'),
    // Same answer, other run id and key id: not a change.
    req('DIKM-04', 'observed', { observations: [{ label: 'answer', value: { code: 'NotFoundException', message: "Invalid keyId 'alias/kms-conformance/kmsct-20261128T020202-bbbb/x' for key 99999999-12ab-34cd-56ef-1234567890ab" } }] }),
    req('DIKM-05', 'observed', { observations: answer('kmsct-20261128T020202-bbbb', 'InvalidArnException') }),
    req('DIKM-07', 'fail', { failure: { message: 'expected NotFoundException but got Y' } }),
    req('DIKM-08', 'not-applicable', { note: 'no secondary principal' }),
    req('DIKM-09', 'pass'),
  ], { runId: 'kmsct-20261128T020202-bbbb' });
  const d = diffRuns(loaded(oldRun), loaded(newRun));
  const ids = (kind: Parameters<typeof changesOf>[1]) => changesOf(d, kind).map((c) => c.requirement.id);

  it('sorts each requirement into one kind of change', () => {
    expect(ids('regressed')).toEqual(['DIKM-02']);
    expect(ids('improved')).toEqual(['DIKM-03']);
    expect(ids('observation-changed')).toEqual(['DIKM-05']);
    expect(ids('removed')).toEqual(['DIKM-06']);
    expect(ids('added')).toEqual(['DIKM-09']);
    expect(ids('changed')).toEqual(['DIKM-07', 'DIKM-08']);
    expect(d.unchanged).toBe(2); // DIKM-01, DIKM-04
    expect(hasRegression(d)).toBe(true);
  });

  it('gives the observation that changed with both raw answers', () => {
    const [c] = changesOf(d, 'observation-changed');
    expect(c!.observations).toEqual([{ label: 'answer', old: oldRun.requirements[4]!.observations![0]!.value, new: newRun.requirements[4]!.observations![0]!.value }]);
  });

  it('a run against itself has no change and no regression', () => {
    const same = diffRuns(loaded(oldRun), loaded(oldRun));
    expect(same.changes).toEqual([]);
    expect(same.unchanged).toBe(oldRun.requirements.length);
    expect(hasRegression(same)).toBe(false);
  });

  it('warns when targets, --grep or suite versions differ, and not otherwise', () => {
    expect(d.warnings).toEqual([]);
    const other = run('local-kms', [req('DIKM-01', 'pass')], { grep: 'DIKM' });
    other.suite.version = '0.2.0';
    const w = diffRuns(loaded(oldRun), loaded(other)).warnings;
    expect(w).toHaveLength(3);
    expect(w[0]).toMatch(/different targets \('moto' and 'local-kms'\)/);
    expect(w[1]).toMatch(/--grep/);
    expect(w[2]).toMatch(/0\.1\.0 and 0\.2\.0/);
  });
});
