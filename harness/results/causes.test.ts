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
