import { describe, expect, it } from 'vitest';
import { exitCodeOf, gates, summarize, verdictOf, type Outcome, type RequirementResult } from '../results/index.ts';
import type { Strength } from '../spec/requirement.ts';
import { outcomeUnderBaseline, type DeviatingOutcome } from '../results/index.ts';
import { applyBaseline } from './apply.ts';
import type { BaselineFile } from './baseline-file.ts';

function result(id: string, outcome: Outcome, strength: Strength = 'must', note?: string): RequirementResult {
  return {
    id,
    statement: `requirement ${id}`,
    operation: 'DeleteImportedKeyMaterial',
    source: { url: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html' },
    evidence: strength === 'observe' ? 'unknown' : 'documented',
    strength,
    outcome,
    durationMs: 1,
    exchanges: [],
    ...(note && { note }),
  };
}

function baseline(entries: { id: string; expect?: DeviatingOutcome }[]): BaselineFile {
  return { target: 'test', suiteVersion: '0.1.0', entries: entries.map((e) => ({ ...e, reason: `reason for ${e.id}` })) };
}

describe('outcomeUnderBaseline: one requirement under a baseline entry', () => {
  it.each<[Outcome, DeviatingOutcome | undefined, Outcome]>([
    ['fail', undefined, 'expected-deviation'],
    ['not-implemented', undefined, 'expected-deviation'],
    ['fail', 'fail', 'expected-deviation'],
    ['not-implemented', 'not-implemented', 'expected-deviation'],
    // A failure of the other kind is not the deviation the entry explains: it stays a failure.
    ['fail', 'not-implemented', 'fail'],
    ['not-implemented', 'fail', 'not-implemented'],
    ['pass', undefined, 'stale-deviation'],
    ['pass', 'fail', 'stale-deviation'],
    ['observed', undefined, 'stale-deviation'],
    ['not-applicable', undefined, 'not-applicable'],
    ['not-applicable', 'fail', 'not-applicable'],
  ])('raw %s, entry expecting %s → %s', (raw, expectRaw, outcome) => {
    expect(outcomeUnderBaseline(raw, expectRaw)).toBe(outcome);
  });
});

describe('applyBaseline', () => {
  const catalogue = new Set(['DIKM-01', 'DIKM-02', 'DIKM-03', 'DIKM-04', 'DIKM-05', 'DIKM-06']);
  const opts = { path: '/b/test.json', catalogue, allowStale: false };

  it('marks baselined requirements, keeps the raw outcome and the entry, and leaves the others alone', () => {
    const reqs = [result('DIKM-01', 'fail'), result('DIKM-02', 'pass'), result('DIKM-03', 'fail'), result('DIKM-04', 'pass')];
    const a = applyBaseline(reqs, baseline([{ id: 'DIKM-01', expect: 'fail' }, { id: 'DIKM-02' }]), opts);
    expect(a.requirements.map((r) => [r.id, r.outcome])).toEqual([
      ['DIKM-01', 'expected-deviation'],
      ['DIKM-02', 'stale-deviation'],
      ['DIKM-03', 'fail'],
      ['DIKM-04', 'pass'],
    ]);
    expect(a.requirements[0]!.baseline).toEqual({ reason: 'reason for DIKM-01', expect: 'fail', rawOutcome: 'fail' });
    expect(a.requirements[1]!.baseline).toEqual({ reason: 'reason for DIKM-02', rawOutcome: 'pass' });
    expect(a.requirements[2]!.baseline).toBeUndefined();
    expect(reqs[0]!.outcome, 'the collected results are not changed in place').toBe('fail');
    expect(a.info).toEqual({ path: '/b/test.json', target: 'test', entries: 2, allowStale: false, unknownIds: [], notRun: [] });
    expect(a.notes).toEqual([]);
  });

  it('notes a baselined requirement that was not applicable, and one that failed differently', () => {
    const reqs = [result('DIKM-01', 'not-applicable', 'must', 'no secondary principal'), result('DIKM-02', 'fail')];
    const a = applyBaseline(reqs, baseline([{ id: 'DIKM-01' }, { id: 'DIKM-02', expect: 'not-implemented' }]), opts);
    expect(a.requirements.map((r) => r.outcome)).toEqual(['not-applicable', 'fail']);
    expect(a.requirements[0]!.baseline?.rawOutcome).toBe('not-applicable');
    expect(a.notes).toEqual([
      'DIKM-01: baselined, but not applicable on this target (no secondary principal)',
      'DIKM-02: the baseline expects not-implemented, but the outcome is fail: counted as a new failure',
    ]);
  });

  it('tells entries left out of the run from entries naming no requirement', () => {
    const a = applyBaseline([result('DIKM-01', 'fail')], baseline([{ id: 'DIKM-01' }, { id: 'DIKM-05' }, { id: 'GONE-01' }]), opts);
    expect(a.info.notRun).toEqual(['DIKM-05']);
    expect(a.info.unknownIds).toEqual(['GONE-01']);
    expect(a.notes).toEqual(['GONE-01: baselined, but the suite has no such requirement (stale entry)']);
  });
});

describe('verdict and exit code with a baseline', () => {
  const catalogue = new Set(['DIKM-01', 'DIKM-02', 'DIKM-03', 'DIKM-04']);
  type Row = [string, RequirementResult[], { id: string; expect?: DeviatingOutcome }[], boolean, string, 0 | 1];
  it.each<Row>([
    ['no baseline entries, all pass', [result('DIKM-01', 'pass')], [], false, 'conformant', 0],
    ['a baselined must failure', [result('DIKM-01', 'fail'), result('DIKM-02', 'pass')], [{ id: 'DIKM-01' }], false, 'conformant-to-baseline', 0],
    ['a baselined not-implemented must', [result('DIKM-01', 'not-implemented')], [{ id: 'DIKM-01', expect: 'not-implemented' }], false, 'conformant-to-baseline', 0],
    ['only a baselined should failure', [result('DIKM-01', 'fail', 'should'), result('DIKM-02', 'pass')], [{ id: 'DIKM-01' }], false, 'conformant', 0],
    ['a new must failure next to a baselined one', [result('DIKM-01', 'fail'), result('DIKM-02', 'fail')], [{ id: 'DIKM-01' }], false, 'nonconformant', 1],
    ['a failure of another kind than the entry expects', [result('DIKM-01', 'fail')], [{ id: 'DIKM-01', expect: 'not-implemented' }], false, 'nonconformant', 1],
    ['a stale deviation', [result('DIKM-01', 'fail'), result('DIKM-02', 'pass')], [{ id: 'DIKM-01' }, { id: 'DIKM-02' }], false, 'nonconformant', 1],
    ['a stale should deviation', [result('DIKM-02', 'pass', 'should')], [{ id: 'DIKM-02' }], false, 'nonconformant', 1],
    ['a stale deviation, allowed', [result('DIKM-01', 'fail'), result('DIKM-02', 'pass')], [{ id: 'DIKM-01' }, { id: 'DIKM-02' }], true, 'conformant-to-baseline', 0],
    ['only stale deviations, allowed', [result('DIKM-02', 'pass')], [{ id: 'DIKM-02' }], true, 'conformant', 0],
    ['an entry naming no requirement', [result('DIKM-01', 'pass')], [{ id: 'GONE-01' }], false, 'nonconformant', 1],
    ['an entry naming no requirement, allowed', [result('DIKM-01', 'pass')], [{ id: 'GONE-01' }], true, 'conformant', 0],
    ['an entry for a requirement not run', [result('DIKM-01', 'pass')], [{ id: 'DIKM-04' }], false, 'conformant', 0],
  ])('%s', (_, reqs, entries, allowStale, verdict, exit) => {
    const a = applyBaseline(reqs, baseline(entries), { path: 'b.json', catalogue, allowStale });
    const v = verdictOf(a.requirements, [], a.info);
    expect(v).toBe(verdict);
    expect(exitCodeOf(v)).toBe(exit);
    expect(gates({ verdict: v })).toBe(exit === 1);
  });

  it('suite errors win over any baseline', () => {
    const a = applyBaseline([result('DIKM-01', 'fail')], baseline([{ id: 'DIKM-01' }]), { path: 'b.json', catalogue, allowStale: true });
    expect(verdictOf(a.requirements, ['specs/x.spec.ts failed to load'], a.info)).toBe('error');
  });

  it('the summary counts expected and stale deviations by strength', () => {
    const a = applyBaseline(
      [result('DIKM-01', 'fail'), result('DIKM-02', 'pass', 'should'), result('DIKM-03', 'fail')],
      baseline([{ id: 'DIKM-01' }, { id: 'DIKM-02' }]),
      { path: 'b.json', catalogue, allowStale: false },
    );
    const s = summarize(a.requirements);
    expect(s.byOutcome).toMatchObject({ 'expected-deviation': 1, 'stale-deviation': 1, fail: 1 });
    expect(s.byStrength.must['expected-deviation']).toBe(1);
    expect(s.byStrength.should['stale-deviation']).toBe(1);
  });
});
