import { describe, expect, it } from 'vitest';
import { exitCodeOf, summarize, verdictOf, type Outcome, type RequirementResult, type Strength } from './index.ts';

let n = 0;
function result(strength: Strength, outcome: Outcome): RequirementResult {
  n++;
  return {
    id: `TEST-${String(n).padStart(2, '0')}`,
    statement: `requirement ${n}`,
    operation: 'DescribeKey',
    source: { url: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html' },
    evidence: strength === 'observe' ? 'unknown' : 'documented',
    strength,
    outcome,
    durationMs: 1,
    exchanges: [],
  };
}

describe('summarize', () => {
  it('counts by outcome and by strength', () => {
    const s = summarize([
      result('must', 'pass'),
      result('must', 'pass'),
      result('must', 'fail'),
      result('should', 'fail'),
      result('should', 'not-implemented'),
      result('observe', 'observed'),
      result('must', 'not-applicable'),
    ]);
    expect(s.total).toBe(7);
    const none = { blocked: 0, 'expected-deviation': 0, 'stale-deviation': 0 };
    expect(s.byOutcome).toEqual({ pass: 2, fail: 2, 'not-implemented': 1, 'not-applicable': 1, observed: 1, ...none });
    expect(s.byStrength.must).toEqual({ pass: 2, fail: 1, 'not-implemented': 0, 'not-applicable': 1, observed: 0, ...none });
    expect(s.byStrength.should).toEqual({ pass: 0, fail: 1, 'not-implemented': 1, 'not-applicable': 0, observed: 0, ...none });
    expect(s.byStrength.observe).toEqual({ pass: 0, fail: 0, 'not-implemented': 0, 'not-applicable': 0, observed: 1, ...none });
  });

  it('gives zeros for no requirements', () => {
    const s = summarize([]);
    expect(s.total).toBe(0);
    expect(Object.values(s.byOutcome).every((c) => c === 0)).toBe(true);
  });
});

describe('verdictOf', () => {
  it('is nonconformant when a must requirement failed', () => {
    expect(verdictOf([result('must', 'pass'), result('must', 'fail')], [])).toBe('nonconformant');
  });

  it('is conformant when only should or observe requirements failed', () => {
    expect(verdictOf([result('must', 'pass'), result('should', 'fail'), result('observe', 'fail')], [])).toBe('conformant');
  });

  it('counts a must requirement whose operation the target lacks as nonconformant', () => {
    expect(verdictOf([result('must', 'pass'), result('must', 'not-implemented')], [])).toBe('nonconformant');
    expect(verdictOf([result('should', 'not-implemented')], [])).toBe('conformant');
  });

  it('does not count a must requirement that is not applicable as failed', () => {
    expect(verdictOf([result('must', 'pass'), result('must', 'not-applicable')], [])).toBe('conformant');
  });

  it('is error when the suite itself had errors, whatever the requirements say', () => {
    expect(verdictOf([result('must', 'pass')], ['specs/keys.spec.ts failed to load'])).toBe('error');
    expect(verdictOf([result('must', 'fail')], ['boom'])).toBe('error');
  });
});

describe('exitCodeOf', () => {
  it('is 0 only for conformant', () => {
    expect(exitCodeOf('conformant')).toBe(0);
    expect(exitCodeOf('nonconformant')).toBe(1);
    expect(exitCodeOf('error')).toBe(1);
  });
});
