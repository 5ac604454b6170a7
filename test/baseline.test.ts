/**
 * Known-deviation baselines end to end: against the reference with the accept-alias fault (DIKM-03
 * and DIKM-04 fail, DIKM-06 passes), a baseline turns the known failures into expected deviations
 * and exit 0, a baselined requirement that passes is a stale deviation and exit 1 unless
 * --allow-stale, and `baseline update` writes the baseline from the run. The CLI runs in-process
 * (test/in-process.ts).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type RunningReference } from '../reference/server.ts';
import { runMain } from './in-process.ts';

const GREP = '^(DIKM-0[346]) ';
const tmp = () => mkdtempSync(join(tmpdir(), 'kmsct-baseline-'));

interface Results {
  verdict: string;
  baseline?: { unknownIds: string[]; allowStale: boolean };
  requirements: { id: string; outcome: string; baseline?: { rawOutcome: string; reason: string } }[];
}
const readResults = (dir: string) => JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
const outcomes = (r: Results) => Object.fromEntries(r.requirements.map((q) => [q.id, q.outcome]));

describe('a run with a baseline, against the reference with the accept-alias fault', () => {
  let ref: RunningReference;
  let work: string;
  beforeAll(async () => {
    ref = await startReferenceServer({ port: 0, faults: ['accept-alias'], log: () => {} });
    work = tmp();
  });
  afterAll(async () => {
    await ref?.close();
  });
  const run = (...extra: string[]) => {
    const out = tmp();
    return runMain(['run', '--endpoint', ref.url, '--grep', GREP, '--out', out, ...extra]).then((r) => ({ ...r, out }));
  };

  it('without a baseline the failures gate; baseline update writes them; with it the run exits 0', async () => {
    const bare = await run();
    expect(bare.code, bare.stdout + bare.stderr).toBe(1);
    expect(outcomes(readResults(bare.out))).toEqual({ 'DIKM-03': 'fail', 'DIKM-04': 'fail', 'DIKM-06': 'pass' });

    const file = join(work, 'fault.json');
    const up = await runMain(['baseline', 'update', bare.out, '--target', 'fault', '--file', file]);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toMatch(/\+ DIKM-03 .*observed: expected a client error/);
    expect(up.stdout).toMatch(/2 entries need a real reason \(provisional, "reviewed": false\): DIKM-03, DIKM-04/);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.target).toBe('fault');
    expect(written.entries.map((e: { id: string; reviewed?: boolean }) => [e.id, e.reviewed])).toEqual([['DIKM-03', false], ['DIKM-04', false]]);

    const withBaseline = await run('--baseline', file);
    expect(withBaseline.code, withBaseline.stdout + withBaseline.stderr).toBe(0);
    const r = readResults(withBaseline.out);
    expect(outcomes(r)).toEqual({ 'DIKM-03': 'expected-deviation', 'DIKM-04': 'expected-deviation', 'DIKM-06': 'pass' });
    expect(r.verdict).toBe('conformant-to-baseline');
    expect(r.requirements[0]!.baseline).toMatchObject({ rawOutcome: 'fail', reason: expect.stringMatching(/^observed: /) });
    expect(withBaseline.stdout).toMatch(/≈ DIKM-03 .*\(expected deviation\)/);
    expect(withBaseline.stdout).toMatch(/2 expected deviations/);
    expect(withBaseline.stdout).toMatch(/verdict: conformant-to-baseline/);

    // --no-baseline switches it off again.
    expect((await run('--baseline', file, '--no-baseline')).code).toBe(1);
  }, 240_000);

  it('a baselined requirement that passes, or an id the suite lacks, is stale: exit 1, and exit 0 with --allow-stale', async () => {
    const file = join(work, 'stale.json');
    writeFileSync(file, JSON.stringify({
      target: 'fault',
      suiteVersion: '0.1.0',
      entries: ['DIKM-03', 'DIKM-04', 'DIKM-06', 'GONE-01'].map((id) => ({ id, reason: `known: ${id}` })),
    }));
    const stale = await run('--baseline', file);
    expect(stale.code, stale.stdout + stale.stderr).toBe(1);
    const r = readResults(stale.out);
    expect(outcomes(r)).toEqual({ 'DIKM-03': 'expected-deviation', 'DIKM-04': 'expected-deviation', 'DIKM-06': 'stale-deviation' });
    expect(r.verdict).toBe('nonconformant');
    expect(r.baseline?.unknownIds).toEqual(['GONE-01']);
    expect(stale.stdout).toMatch(/! DIKM-06 .*\(stale deviation/);
    expect(stale.stdout).toMatch(/^baseline: GONE-01: baselined, but the suite has no such requirement \(stale entry\)$/m);
    expect(stale.stdout).toMatch(/1 stale deviation\b/);
    expect(stale.stdout).toMatch(/^stale baseline entries \(no such requirement\): GONE-01$/m);
    expect(stale.stdout).toMatch(/verdict: nonconformant \(the baseline is stale/);

    const allowed = await run('--baseline', file, '--allow-stale');
    expect(allowed.code, allowed.stdout + allowed.stderr).toBe(0);
    expect(readResults(allowed.out).verdict).toBe('conformant-to-baseline');

    // update drops what passes and what the suite lacks, and keeps the reasons of the rest.
    const up = await runMain(['baseline', 'update', stale.out, '--file', file]);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toMatch(/- DIKM-06 +now passes/);
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { target: string; entries: { id: string; reason: string; reviewed?: boolean }[] };
    expect(kept.target).toBe('fault');
    // GONE-01 was not in this --grep run's results, but the run reported it unknown to the suite.
    expect(kept.entries).toEqual([
      { id: 'DIKM-03', expect: 'fail', reason: 'known: DIKM-03' },
      { id: 'DIKM-04', expect: 'fail', reason: 'known: DIKM-04' },
    ]);
  }, 240_000);
});

describe('a bad baseline is one line and exit code 2, before anything runs', () => {
  const oneLine = (s: string) => s.trim().split('\n').filter(Boolean);

  it.each([
    ['a missing file', null, /^kms-conformance: baseline file not found: .*none\.json$/],
    ['invalid JSON', '{"target":', /^kms-conformance: baseline .*: not valid JSON/],
    ['an entry without a reason', JSON.stringify({ target: 't', suiteVersion: '0.1.0', entries: [{ id: 'DIKM-03', reason: '' }] }), /entries\.0\.reason: a reason is required$/],
  ])('%s', async (_, content, message) => {
    const dir = tmp();
    const file = join(dir, content === null ? 'none.json' : 'b.json');
    if (content !== null) writeFileSync(file, content);
    const r = await runMain(['run', '--baseline', file, '--out', dir]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toEqual([expect.stringMatching(message)]);
    expect(r.stdout).toBe('');
  });

  it('baseline update without run results', async () => {
    const r = await runMain(['baseline', 'update', join(tmp(), 'nowhere')]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toEqual([expect.stringMatching(/^kms-conformance: no run results at .*nowhere/)]);
  });

  it('baseline show prints the shipped moto baseline', async () => {
    const r = await runMain(['baseline', 'show', '--target', 'moto']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/baselines\/moto\.json: target moto 5\.2\.1/);
    expect(r.stdout).toMatch(/DIKM-01 +not-implemented +.*NotImplementedError/);
    expect(r.stdout).not.toMatch(/provisional/);
  });
});
