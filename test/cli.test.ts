/**
 * The `kms-conformance` command as a user runs it: one true end-to-end run of the program and of
 * `serve`; the rest call `main()` in this process (test/in-process.ts).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, closedPort, collect, runCli, startCli, waitForLine } from './cli-support.ts';
import { runMain } from './in-process.ts';

const out = () => mkdtempSync(join(tmpdir(), 'kmsct-cli-'));

describe('kms-conformance run against the embedded reference', () => {
  // The whole suite runs in the `conformance` project; here a cross-section keeps the CLI tests quick.
  const SAMPLE = '^(KEY-|DIKM-0|PROTO-3)';

  it('exits 0 and writes results.json and junit.xml with one entry per requirement', async () => {
    const dir = out();
    const r = await runCli(['run', '--out', dir, '--grep', SAMPLE]);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(results.verdict).toBe('conformant');
    expect(results.target).toMatchObject({ kind: 'embedded', region: 'us-east-1' });
    expect(results.summary.total).toBeGreaterThanOrEqual(5);
    expect(results.summary.byOutcome.fail).toBe(0);
    const ids = results.requirements.map((q: { id: string }) => q.id);
    expect(ids).toContain('KEY-01');
    for (const q of results.requirements) {
      expect(q).toMatchObject({ outcome: expect.stringMatching(/^(pass|observed|not-applicable)$/), evidence: expect.any(String), strength: expect.any(String) });
      if (q.outcome === 'not-applicable') expect(q.note, q.id).toBeTruthy();
      else expect(q.exchanges.length, q.id).toBeGreaterThan(0);
    }
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<testcase [^>]*name="KEY-01 — /);
    expect(r.stdout).toMatch(/verdict: conformant/);
  }, 180_000);

  it('runs only the requirements --grep selects', async () => {
    const dir = out();
    const r = await runMain(['run', '--out', dir, '--grep', 'KEY-04']);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(results.requirements.map((q: { id: string }) => q.id)).toEqual(['KEY-04']);
  });
});

describe('kms-conformance run: bad input is one line and exit code 2', () => {
  const oneLine = (s: string) => s.trim().split('\n').filter(Boolean);

  it('an endpoint nobody listens on', async () => {
    const port = await closedPort();
    const r = await runMain(['run', '--endpoint', `http://127.0.0.1:${port}`, '--out', out()]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toEqual([expect.stringMatching(/^kms-conformance: cannot reach http:\/\/127\.0\.0\.1:\d+: nothing is listening on 127\.0\.0\.1:\d+ \(connection refused\); is the endpoint running, and on this port\?$/)]);
    expect(r.stdout).toBe('');
  });

  it.each([
    [['run', '--endpoint', 'not a url'], /endpoint must be an http\(s\) URL/],
    [['run', '--region', 'moon'], /region/],
    [['run', '--target', 'nonesuch'], /unknown target 'nonesuch'/],
    [['run', '--config', 'missing.json'], /config file not found/],
    [['run', '--seed', 'abc'], /seed/],
    [['run', '--no-such-flag'], /unknown option/],
    // A bad output folder is refused before anything starts (it used to hang, or leave a started emulator behind).
    [['run', '--out', '/proc/kmsct-x'], /--out \/proc\/kmsct-x: is in a system file system/],
    [['run', '--out', '/dev/null/x'], /--out \/dev\/null\/x: \/dev\/null is not a folder/],
    [['run', '--target', 'local-kms', '--out', '/dev/null/x'], /--out \/dev\/null\/x: \/dev\/null is not a folder/],
    [['frobnicate'], /unknown command/],
  ])('%j', async (args, message) => {
    const r = await runMain(args as string[]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('a --grep that matches nothing', async () => {
    const r = await runMain(['run', '--grep', 'NOPE-999', '--out', out()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no requirement matched --grep 'NOPE-999'/);
  });

  it('--json prints one JSON summary on stdout and the progress on stderr', async () => {
    const dir = out();
    const r = await runMain(['run', '--grep', 'KEY-01', '--json', '--out', dir]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { verdict: string; exitCode: number; run: { filter: string }; summary: { total: number }; problems: unknown[]; written: string[] };
    expect(summary).toMatchObject({ verdict: 'conformant', exitCode: 0, run: { filter: "--grep 'KEY-01'" }, summary: { total: 1 }, problems: [] });
    expect(summary.written).toContain(join(dir, 'results.json'));
    expect(r.stderr).toMatch(/\[1\/1\] ✓ KEY-01/);
    expect(r.stderr).toMatch(/^took \d+\.\d s$/m);
  });

  it.each([
    [['--grep', 'NOPE-999']],
    [['--strength', 'observe', '--operation', 'UntagResource']],
  ])('list and run agree on filters that select nothing: %j is exit 2 with the same line for both', async (filters) => {
    const listed = await runMain(['list', ...filters]);
    const ran = await runMain(['run', ...filters, '--out', out()]);
    expect([listed.code, ran.code]).toEqual([2, 2]);
    expect(oneLine(listed.stderr)).toEqual(oneLine(ran.stderr));
    expect(listed.stderr).toMatch(/^kms-conformance: no requirement matched /);
  });
});

describe('kms-conformance serve, then run --endpoint', () => {
  let serve: ReturnType<typeof startCli>;
  let url: string;

  beforeAll(async () => {
    serve = startCli(['serve', '--port', '0']);
    url = (await waitForLine(serve, /listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  });
  afterAll(async () => {
    serve.kill('SIGINT');
    const r = await collect(serve);
    expect(r.code).toBe(0);
  });

  it('passes with no credentials configured, using the documented defaults', async () => {
    const dir = out();
    const r = await runMain(['run', '--endpoint', url, '--out', dir, '--grep', '^(KEY|DIKM)-']);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(results.target).toMatchObject({ kind: 'endpoint', endpoint: url });
  }, 180_000);

  it('takes the endpoint from AWS_ENDPOINT_URL_KMS', async () => {
    const dir = out();
    const r = await runMain(['run', '--out', dir, '--grep', 'KEY-01'], { env: cleanEnv({ AWS_ENDPOINT_URL_KMS: url }) });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).target.endpoint).toBe(url);
  });

  it('refuses wrong credentials in one line with exit code 2', async () => {
    const env = cleanEnv({ AWS_ACCESS_KEY_ID: 'AKIAKMSREFPRIMARY001', AWS_SECRET_ACCESS_KEY: 'not-the-secret' });
    const r = await runMain(['run', '--endpoint', url, '--out', out()], { env });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^kms-conformance: .* refused the primary principal's credentials: InvalidSignatureException/);
    expect(r.stderr).not.toContain('not-the-secret');
  });
});

