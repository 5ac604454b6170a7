/**
 * Failures grouped by cause and ranked by the `must` requirements each explains: a missing
 * operation, a member the answers never have, refusals not made, a set-up step, an enum value not
 * known; and what varies between checks (ids, ARNs) does not split a group.
 */
import { describe, expect, it } from 'vitest';
import { req } from '../test-support/run-results.ts';
import { causeGroups, causeOf, normalizeFailure } from './causes.ts';

const failed = (id: string, message: string, extra: Parameters<typeof req>[2] = {}) => req(id, 'fail', { failure: { message }, ...extra });
const exchange = (operation: string) => ({ operation, principal: 'primary', via: 'sdk' as const, request: { method: 'POST', path: '/', headers: {}, body: {} }, durationMs: 1, at: '' });

describe('causeOf', () => {
  it('reads the cause from the failure', () => {
    expect(causeOf(req('DIKM-01', 'not-implemented', { exchanges: [exchange('GetParametersForImport')] }))).toBe('GetParametersForImport is not implemented');
    expect(causeOf(failed('DIKM-21', 'CurrentKeyMaterialId: expected the member, the answer has none'))).toBe('answers have no CurrentKeyMaterialId');
    expect(causeOf(failed('KSM-033', 'DisableKey on a key in PendingDeletion succeeded; the key-state table refuses it (footnote 3)'))).toBe('operations on keys in PendingDeletion are not refused');
    expect(causeOf(failed('KEM-01', "1 validation error detected: Value 'ML_KEM_512' at 'KeySpec' failed to satisfy constraint: Member must satisfy enum value set: [RSA_2048]"))).toBe('KeySpec ML_KEM_512 is refused as not one of its values');
    expect(causeOf(failed('PROTO-20', 'expected a client error but the request succeeded (HTTP 200)', { operation: 'protocol' }))).toBe('protocol: accepts what AWS refuses');
  });

  it('takes ids, ARNs and long hex out, so one deviation seen by many checks is one cause', () => {
    const a = "Key 'arn:aws:kms:us-east-1:111122223333:key/1a2b3c4d-1111-2222-3333-444455556666' does not exist";
    const b = "Key 'arn:aws:kms:us-east-1:111122223333:key/9f8e7d6c-1111-2222-3333-444455556666' does not exist";
    expect(normalizeFailure(a)).toBe(normalizeFailure(b));
    expect(normalizeFailure('expected HTTP 400, got 500')).toBe('expected HTTP 400, got 500');
  });
});

describe('causeGroups', () => {
  it('ranks causes by the must requirements they explain, counting expected deviations and stale entries', () => {
    const missing = (id: string, strength: 'must' | 'should' = 'must') => req(id, 'not-implemented', { strength, exchanges: [exchange('ReplicateKey')] });
    const groups = causeGroups([
      missing('MRK-04'),
      missing('MRK-05', 'should'),
      { ...missing('MRK-06'), outcome: 'expected-deviation', baseline: { rawOutcome: 'not-implemented', reason: 'no multi-Region keys' } },
      failed('DIKM-21', 'CurrentKeyMaterialId: expected the member, the answer has none'),
      req('KEY-01', 'pass'),
      req('KEY-02', 'stale-deviation'),
    ]);
    expect(groups.map((g) => [g.cause, g.must, g.total, g.baselined])).toEqual([
      ['ReplicateKey is not implemented', 2, 3, 1],
      ['answers have no CurrentKeyMaterialId', 1, 1, 0],
      ['baseline entries that now pass (stale)', 1, 1, 0],
    ]);
    expect(groups[0]!.ids).toEqual(['MRK-04', 'MRK-06', 'MRK-05']);
  });
});

describe('blocked checks', () => {
  const blocked = (id: string, owner: string, what: string) => req(id, 'blocked', { failure: { message: `blocked by ${owner}: ${what}` }, blockedBy: owner });

  it("join the group of the requirement that blocked them, when it deviates in the run, and count as blocked there", () => {
    const groups = causeGroups([
      failed('KEY-01', 'KeyState: expected PendingImport, answered Enabled'),
      blocked('KSM-004', 'KEY-01', 'CreateKey with Origin EXTERNAL made a key in Enabled, not PendingImport'),
      blocked('KSM-009', 'KEY-01', 'CreateKey with Origin EXTERNAL made a key in Enabled, not PendingImport'),
      { ...blocked('KSM-014', 'KEY-01', 'CreateKey with Origin EXTERNAL made a key in Enabled, not PendingImport'), outcome: 'expected-deviation', baseline: { rawOutcome: 'blocked', reason: 'no PendingImport' } },
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ must: 4, total: 4, blocked: 3, baselined: 1, ids: ['KEY-01', 'KSM-004', 'KSM-009', 'KSM-014'] });
    expect(groups[0]!.cause).toBe(causeOf(failed('KEY-01', 'KeyState: expected PendingImport, answered Enabled')));
  });

  it('are a group of their own, naming the blocker, when it passed or did not run', () => {
    const groups = causeGroups([req('KEY-06', 'pass'), blocked('KSM-002', 'KEY-06', "DisableKey left the key 'Enabled', not Disabled"), blocked('KSM-007', 'KEY-06', "DisableKey left the key 'Enabled', not Disabled")]);
    expect(groups).toEqual([expect.objectContaining({ cause: "blocked by KEY-06: DisableKey left the key 'Enabled', not Disabled", total: 2, blocked: 2 })]);
  });

  it('follow a chain of blockers without looping', () => {
    const a = { ...blocked('A-1', 'B-1', 'x'), id: 'A-1' };
    const b = { ...blocked('B-1', 'A-1', 'y'), id: 'B-1' };
    expect(causeGroups([a, b]).map((g) => g.total).reduce((x, y) => x + y, 0)).toBe(2);
  });
});
