/**
 * Sharded runs, merged: `run --shard i/n` runs a deterministic part of the selection, the parts are
 * disjoint and together are the whole, and `report merge` joins them into one run folder whose
 * outcomes are those of one unsharded run with the same seed. Parts of different seeds, targets or
 * suites, or parts that overlap, are refused with one line.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain } from './in-process.ts';

// PROP-01 is the seeded property check that the parts must repeat exactly.
const GREP = '^(KEY-0[1-5]|DIKM-0[1-9]|PROP-01) ';
const SEED = '1440478003';
const root = mkdtempSync(join(tmpdir(), 'kmsct-shards-'));
const dir = (name: string) => join(root, name);
const outcomes = (d: string) => {
  const r = JSON.parse(readFileSync(join(d, 'results.json'), 'utf8')) as { requirements: { id: string; outcome: string }[]; run: Record<string, unknown>; verdict: string };
  return { ...r, byId: Object.fromEntries(r.requirements.map((q) => [q.id, q.outcome])) };
};

describe('run --shard and report merge', () => {
  beforeAll(async () => {
    const runs = [['whole'], ['1', '--shard', '1/4'], ['2', '--shard', '2/4'], ['3', '--shard', '3/4'], ['4', '--shard', '4/4'], ['other-seed', '--shard', '1/4', '--seed', '7']];
    for (const [name, ...extra] of runs) {
      const r = await runMain(['run', '--grep', GREP, '--seed', SEED, '--out', dir(name!), ...extra]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
    }
  }, 300_000);

  it('splits the selection into disjoint parts that together are the whole, each saying which part it is', () => {
    const whole = Object.keys(outcomes(dir('whole')).byId).sort();
    const parts = ['1', '2', '3', '4'].map((n) => Object.keys(outcomes(dir(n)).byId));
    expect(parts.flat().sort()).toEqual(whole);
    expect(new Set(parts.flat()).size).toBe(whole.length);
    expect(Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length))).toBeLessThanOrEqual(1);
    expect(outcomes(dir('2')).run).toMatchObject({ shard: { index: 2, count: 4 }, filter: `--grep '${GREP}' --shard 2/4` });
  });

  it('merges the four parts into one run with the outcomes of the unsharded run', async () => {
    const r = await runMain(['report', 'merge', dir('1'), dir('2'), dir('3'), dir('4'), '--out', dir('merged')]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const merged = outcomes(dir('merged'));
    expect(merged.byId).toEqual(outcomes(dir('whole')).byId);
    expect(merged.verdict).toBe('conformant');
    expect(merged.run).toMatchObject({ filter: `--grep '${GREP}'` });
    expect((merged.run.mergedFrom as string[]).length).toBe(4);
    expect(r.stdout).toMatch(/^merged 4 parts/m);
  });

  it('refuses parts of different seeds, and parts that overlap', async () => {
    const seeds = await runMain(['report', 'merge', dir('other-seed'), dir('2'), '--out', dir('bad')]);
    expect(seeds.code).toBe(2);
    expect(seeds.stderr).toMatch(/^kms-conformance: cannot merge .* different seeds \(7 and 1440478003\)\n$/);
    const overlap = await runMain(['report', 'merge', dir('whole'), dir('2'), '--out', dir('bad')]);
    expect(overlap.code).toBe(2);
    expect(overlap.stderr).toMatch(/is in both .* parts of one run check each requirement once/);
  });
});
