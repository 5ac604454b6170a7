import { describe, expect, it } from 'vitest';
import { AWS_DEFAULT_RATES } from '../config/kinds.ts';
import { withKindDefaults } from '../config/resolve-target.ts';
import { RateLimiter, requestClassOf, TokenBucket, type Clock } from './rate-limiter.ts';

/** A clock that only moves when told; sleeping records the wait and returns at once. */
function fakeClock(): Clock & { t: number; waits: number[] } {
  const c = {
    t: 0,
    waits: [] as number[],
    now: () => c.t,
    sleep: async (ms: number) => {
      c.waits.push(ms);
    },
  };
  return c;
}

describe('TokenBucket', () => {
  it('spaces callers that arrive together by 1/rate, in arrival order', async () => {
    const clock = fakeClock();
    const b = new TokenBucket(2, 1, clock);
    const waits = await Promise.all([b.take(), b.take(), b.take(), b.take()]);
    expect(waits).toEqual([0, 500, 1000, 1500]);
    expect(clock.waits).toEqual([500, 1000, 1500]);
  });

  it('refills with time, never beyond its burst', async () => {
    const clock = fakeClock();
    const b = new TokenBucket(2, 2, clock);
    expect(await b.take()).toBe(0);
    expect(await b.take()).toBe(0);
    expect(await b.take()).toBe(500);
    clock.t = 60_000; // a long pause refills the bucket to its burst of 2, not to 120
    expect([await b.take(), await b.take(), await b.take()]).toEqual([0, 0, 500]);
  });

  it('an unlimited bucket never waits', async () => {
    const b = new TokenBucket(Infinity, 2, fakeClock());
    expect(await Promise.all(Array.from({ length: 10 }, () => b.take()))).toEqual(Array(10).fill(0));
  });
});

describe('RateLimiter', () => {
  it('keeps a bucket per request class: slow writes do not hold up reads', async () => {
    const clock = fakeClock();
    const l = new RateLimiter({ read: 10, write: 1, crypto: 10, importParameters: 0.5 }, clock);
    expect(await l.acquire('CreateKey')).toBe(0);
    expect(await l.acquire('ScheduleKeyDeletion')).toBe(1000);
    expect(await l.acquire('DescribeKey')).toBe(0);
    expect(await l.acquire('GetParametersForImport')).toBe(0);
    expect(await l.acquire('GetParametersForImport')).toBe(2000);
  });

  it('classifies KMS operations by their quota', () => {
    expect(requestClassOf('Encrypt')).toBe('crypto');
    expect(requestClassOf('GenerateDataKey')).toBe('crypto');
    expect(requestClassOf('DescribeKey')).toBe('read');
    expect(requestClassOf('ListResourceTags')).toBe('read');
    expect(requestClassOf('GetParametersForImport')).toBe('importParameters');
    for (const op of ['CreateKey', 'ScheduleKeyDeletion', 'ImportKeyMaterial', 'DeleteImportedKeyMaterial', 'TagResource']) expect(requestClassOf(op)).toBe('write');
  });
});

describe('the rates a target runs under (its kind\'s defaults)', () => {
  const target = (kind: 'aws' | 'endpoint', rateLimits?: { write: number }) =>
    withKindDefaults({ name: kind, kind, region: 'us-east-1', principals: { primary: {} }, ...(kind === 'endpoint' && { endpoint: 'http://h:1' }), ...(rateLimits && { rateLimits }) });
  it('limits aws by default, well under the documented write quota of 5 per second', () => {
    expect(target('aws').rateLimits).toEqual(AWS_DEFAULT_RATES);
    expect(AWS_DEFAULT_RATES.write).toBeLessThan(5);
  });
  it('lets a target override one class and keep the other defaults', () => {
    expect(target('aws', { write: 1 }).rateLimits).toEqual({ ...AWS_DEFAULT_RATES, write: 1 });
  });
  it('does not limit other kinds unless told', () => {
    expect(target('endpoint').rateLimits).toBeUndefined();
    expect(target('endpoint', { write: 3 }).rateLimits).toMatchObject({ write: 3, read: Infinity });
  });
});
