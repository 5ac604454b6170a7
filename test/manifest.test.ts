/**
 * The certification manifest and `kms-conformance report verify`: a --grep run's manifest lists the
 * requirements it skipped, a verified folder passes, and an edited results.json is caught.
 *
 * The run is a real `kms-conformance` process: its console output is checked as the process prints
 * it (nothing from vitest's own reporters may reach it). `list` and `report verify` are `main()`
 * in-process (test/in-process.ts).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '#harness/reporting/manifest.ts';
import { sha256 } from '#harness/reporting/manifest.ts';
import { verifyRunFolder } from '#harness/reporting/verify.ts';
import { runCli } from './cli-support.ts';
import { runMain } from './in-process.ts';

let dir: string;
let manifest: Manifest;
let catalogue: string[];
let stdout: string;

/** A copy of the run folder to tamper with. */
function copy(): string {
  const c = mkdtempSync(join(tmpdir(), 'kmsct-verify-'));
  cpSync(dir, c, { recursive: true });
  return c;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kmsct-manifest-'));
  const r = await runCli(['run', '--out', dir, '--grep', '^(KEY-0[1-3]|PROTO-01) ']);
  expect(r.code, r.stderr).toBe(0);
  stdout = r.stdout;
  manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const list = await runMain(['list', '--json']);
  catalogue = (JSON.parse(list.stdout) as { id: string }[]).map((q) => q.id);
}, 240_000);

describe('manifest.json', () => {
  it('names the suite, the target, the run and the SHA-256 of results.json', () => {
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(manifest.suite).toEqual(results.suite);
    expect(manifest.target).toMatchObject({ name: 'embedded', kind: 'embedded', region: 'us-east-1', endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    expect(manifest.run.id).toBe(results.run.id);
    expect(manifest.results.sha256).toBe(sha256(readFileSync(join(dir, 'results.json'))));
  });

  it('lists the executed requirements with their outcomes', () => {
    expect(manifest.executed).toEqual([
      { id: 'KEY-01', outcome: 'pass' },
      { id: 'KEY-02', outcome: 'pass' },
      { id: 'KEY-03', outcome: 'pass' },
      { id: 'PROTO-01', outcome: 'pass' },
    ]);
  });

  it('a --grep run is visibly partial: every other catalogue requirement is listed as not executed', () => {
    expect(manifest.run.grep).toBe('^(KEY-0[1-3]|PROTO-01) ');
    expect(manifest.complete).toBe(false);
    const expected = catalogue.filter((id) => !['KEY-01', 'KEY-02', 'KEY-03', 'PROTO-01'].includes(id));
    expect(expected.length).toBeGreaterThan(100);
    expect([...manifest.notExecuted].sort()).toEqual(expected.sort());
  });
});

describe('the console output of that run', () => {
  it('shows progress per area with a counter, then the summary with the paths written', () => {
    expect(stdout).toMatch(/^▸ keys \/ create-key \(3 checks\)$/m);
    expect(stdout).toMatch(/^▸ protocol \/ request-headers \(1 check\)$/m);
    expect(stdout).toMatch(/^ {2}\[\d\/\d\+?\] ✓ KEY-01 — /m);
    expect(stdout).toMatch(/^ {2}\[4\/4\+?\] ✓ /m);
    expect(stdout).toMatch(/^4 requirements: 4 passed, 0 failed$/m);
    expect(stdout).toMatch(/^written:\n {2}.*results\.json\n {2}.*manifest\.json\n {2}.*junit\.xml\n {2}.*index\.html\n {2}.*evidence\/\n {2}.*allure-results$/m);
    expect(stdout).not.toContain('JUNIT report written');
  });
});

describe('verifying a run folder', () => {
  const ran = () => manifest.executed.map((e) => e.id);

  it('passes when nothing changed and every catalogue requirement ran', async () => {
    // The catalogue this run was complete for: exactly the requirements it executed.
    const v = await verifyRunFolder(dir, ran(), manifest.suite.version);
    expect(v.problems).toEqual([]);
  });

  it('fails when one outcome in results.json was flipped', async () => {
    const c = copy();
    const path = join(c, 'results.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"outcome": "pass"', '"outcome": "fail"'));
    const v = await verifyRunFolder(c, ran(), manifest.suite.version);
    expect(v.problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^results\.json changed after the run: SHA-256/),
      'KEY-01: results.json says fail, the manifest says pass',
    ]));
  });

  it('fails when an entry was dropped from the manifest', async () => {
    const c = copy();
    const m = JSON.parse(readFileSync(join(c, 'manifest.json'), 'utf8')) as Manifest;
    m.executed = m.executed.filter((e) => e.id !== 'KEY-02');
    writeFileSync(join(c, 'manifest.json'), JSON.stringify(m));
    const v = await verifyRunFolder(c, ran(), manifest.suite.version);
    expect(v.problems).toContain('KEY-02: in results.json (pass) but not in the manifest');
    expect(v.problems).toContain('KEY-02: not executed');
  });

  it('report verify: a --grep run is incomplete (exit 1, one line per skipped requirement)', async () => {
    const r = await runMain(['report', 'verify', dir]);
    expect(r.code, r.stderr).toBe(1);
    const skipped = r.stdout.split('\n').filter((l) => / not executed$/.test(l));
    expect(skipped).toHaveLength(catalogue.length - 4);
    expect(r.stdout).toContain('problem: DIKM-01: not executed');
    expect(r.stdout).toMatch(/note: the run was limited by --grep/);
    expect(r.stdout).toMatch(/^NOT VERIFIED: \d+ problems/m);
    expect(r.stdout).not.toMatch(/SHA-256/);
  }, 120_000);

  it('report verify: bad input is one line and exit 2', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kmsct-verify-'));
    const r = await runMain(['report', 'verify', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^kms-conformance: manifest not found: /)]);
    const broken = copy();
    writeFileSync(join(broken, 'manifest.json'), '{ nope');
    const b = await runMain(['report', 'verify', broken]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/manifest\.json: not valid JSON/);
  }, 120_000);
});
