/**
 * The replay command a property failure prints names the target as the run did: nothing for the
 * embedded target, the endpoint and region for an --endpoint run, and the config file for a target
 * defined in one (without it the name would be an unknown target, exit 2).
 */
import { describe, expect, it } from 'vitest';
import { withKindDefaults } from '../config/resolve-target.ts';
import fc from 'fast-check';
import { assertProperty, DEFAULT_MAX_SHRINKS, MAX_SHRINKS_ENV, propertyParams, replayTargetFlags } from './property.ts';
import type { SpecContext } from './requirement-test.ts';

const base = { region: 'us-east-1', principals: { primary: {} } } as const;

describe('replayTargetFlags', () => {
  it('names each kind of target the way the run was given it', () => {
    expect(replayTargetFlags(withKindDefaults({ ...base, name: 'embedded', kind: 'embedded' }))).toBe('');
    expect(replayTargetFlags(withKindDefaults({ ...base, name: 'endpoint', kind: 'endpoint', endpoint: 'http://127.0.0.1:4566' }))).toBe(' --endpoint http://127.0.0.1:4566 --region us-east-1');
    expect(replayTargetFlags(withKindDefaults({ ...base, name: 'moto', kind: 'process' }))).toBe(' --target moto');
    expect(replayTargetFlags({ ...withKindDefaults({ ...base, name: 'my-emu', kind: 'endpoint', endpoint: 'http://127.0.0.1:9' }), configFile: '/work/kms-conformance.config.json' })).toBe(' --config /work/kms-conformance.config.json --target my-emu');
  });
});

describe('shrinking a failure is bounded', () => {
  const kmsAt = (endpoint: string | undefined, observed: unknown[] = []) =>
    ({ target: withKindDefaults({ ...base, name: 'endpoint', kind: 'endpoint', ...(endpoint && { endpoint }) }), seed: 42, observe: (_: string, v: unknown) => observed.push(v) }) as unknown as SpecContext;

  it('tries at most 100 shrunk values on loopback and none against a remote endpoint, unless the environment says otherwise', () => {
    expect(propertyParams(kmsAt('http://127.0.0.1:4566'), {}).maxShrinks).toBe(DEFAULT_MAX_SHRINKS);
    expect(propertyParams(kmsAt('https://kms.example.com'), {}).maxShrinks).toBe(0);
    expect(propertyParams(kmsAt('http://127.0.0.1:4566'), { [MAX_SHRINKS_ENV]: '7' }).maxShrinks).toBe(7);
    expect(() => propertyParams(kmsAt('http://127.0.0.1:4566'), { [MAX_SHRINKS_ENV]: 'lots' })).toThrow(MAX_SHRINKS_ENV);
  });

  it('stops shrinking a large failing value after the budget, whatever the machine load (a count, not a time)', async () => {
    const observed: unknown[] = [];
    const kms = kmsAt('http://127.0.0.1:4566', observed);
    const params = { ...propertyParams(kms, {}), maxShrinks: 25 };
    let calls = 0;
    // Every value fails: unbounded, fast-check would shrink the 4,096 bytes one by one.
    const failure = await assertProperty(kms, fc.uint8Array({ minLength: 4096, maxLength: 4096 }), async () => {
      calls += 1;
      throw new Error('always refused');
    }, params).catch((e: unknown) => e as Error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^property failed: always refused/);
    // The first failing run, then at most the budget of shrunk values.
    expect(calls).toBeGreaterThan(1);
    expect(calls).toBeLessThanOrEqual(1 + 25);
    expect((failure as Error).message).toMatch(/shrinks: \d+/);
  });
});
