import { describe, expect, it } from 'vitest';
import { eventually } from './consistency.ts';

function fakeTime() {
  const t = { now: 0, sleeps: 0 };
  return { t, now: () => t.now, sleep: async (ms: number) => { t.now += ms; t.sleeps++; } };
}

const notFound = () => Object.assign(new Error('not yet'), { name: 'NotFoundException' });

describe('eventually', () => {
  it('waits out stale NotFoundException answers and returns the settled answer', async () => {
    const clock = fakeTime();
    let calls = 0;
    const v = await eventually(async () => {
      if (++calls < 3) throw notFound();
      return 'ok';
    }, { ...clock, intervalMs: 100 });
    expect(v).toBe('ok');
    expect(calls).toBe(3);
  });

  it('is bounded: after the timeout the last error reaches the check', async () => {
    const clock = fakeTime();
    let calls = 0;
    await expect(eventually(async () => {
      calls++;
      throw notFound();
    }, { ...clock, intervalMs: 100, timeoutMs: 1000 })).rejects.toThrow('not yet');
    expect(calls).toBe(11); // at 0, 100, …, 1000 ms
    expect(clock.t.now).toBeLessThanOrEqual(1000);
  });

  it('does not wait out other errors', async () => {
    let calls = 0;
    await expect(eventually(async () => {
      calls++;
      throw Object.assign(new Error('bad'), { name: 'ValidationException' });
    }, fakeTime())).rejects.toThrow('bad');
    expect(calls).toBe(1);
  });

  it('polls until the answer satisfies `until`, and returns the last answer when time runs out', async () => {
    const clock = fakeTime();
    let n = 0;
    expect(await eventually(async () => ++n, { ...clock, until: (v) => v >= 4, intervalMs: 10 })).toBe(4);
    n = 0;
    expect(await eventually(async () => ++n, { ...clock, until: () => false, intervalMs: 10, timeoutMs: 50 })).toBe(6); // at 0, 10, …, 50 ms
  });
});
