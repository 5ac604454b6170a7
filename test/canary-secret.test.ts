/**
 * No secret reaches any file: the run's credentials are canaries, and no file under the output folder
 * (results.json, manifest.json, junit.xml, allure-results/, index.html when present, anything else)
 * nor the run's stdout/stderr contains any of them.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startReferenceServer, type RunningReference } from '#reference/server.ts';
import { cleanEnv, runCli, type CliResult } from './cli-support.ts';

const tag = randomBytes(8).toString('hex');
// Every secret carries the random tag, so a leak of any part of one is found by searching for the tag.
const CANARY = {
  secret: `kmsct-CANARY-${tag}-secret`,
  token: `kmsct-CANARY-${tag}-token`,
  secondarySecret: `kmsct-CANARY-${tag}-secondary`,
};

let ref: RunningReference;
let dir: string;
let run: CliResult;

function filesUnder(d: string): string[] {
  return readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

beforeAll(async () => {
  // The reference knows only the canary credentials: every accepted signature was made with them.
  ref = await startReferenceServer({
    port: 0,
    accounts: [
      { accountId: '111111111111', credentials: [{ accessKeyId: 'ASIACANARYPRIMARY001', secretAccessKey: CANARY.secret, sessionToken: CANARY.token }] },
      { accountId: '222222222222', credentials: [{ accessKeyId: 'AKIACANARYSECONDARY1', secretAccessKey: CANARY.secondarySecret }] },
    ],
  });
  dir = mkdtempSync(join(tmpdir(), 'kmsct-canary-'));
  run = await runCli(
    // Key creation, signed raw requests (PROTO-2x: SigV4, session token), cross-account (DIKM-4x) and an observe check.
    ['run', '--endpoint', ref.url, '--out', dir, '--grep', '^(KEY-0[1-3]|PROTO-0[1-2]|PROTO-2[0-6]|PROTO-36|DIKM-4[0-2]|DIKM-5[0-3]) '],
    cleanEnv({
      AWS_ACCESS_KEY_ID: 'ASIACANARYPRIMARY001',
      AWS_SECRET_ACCESS_KEY: CANARY.secret,
      AWS_SESSION_TOKEN: CANARY.token,
      KMS_CONFORMANCE_SECONDARY_ACCESS_KEY_ID: 'AKIACANARYSECONDARY1',
      KMS_CONFORMANCE_SECONDARY_SECRET_ACCESS_KEY: CANARY.secondarySecret,
    }),
  );
}, 240_000);
afterAll(() => ref?.close());

it('the canary credentials were really used: the run passed requirements against a reference that knows only them', () => {
  expect(run.code, run.stderr).toBe(0);
  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as {
    requirements: { id: string; outcome: string; exchanges: unknown[]; observations?: { label: string; value: { status?: number } }[] }[];
  };
  const passed = results.requirements.filter((q) => q.outcome === 'pass');
  expect(passed.length).toBeGreaterThan(5);
  expect(passed.every((q) => q.exchanges.length > 0)).toBe(true);
  // The secondary principal signed the cross-account checks.
  expect(passed.map((q) => q.id)).toEqual(expect.arrayContaining(['KEY-01', 'PROTO-20', 'DIKM-40']));
  // The session token was used too: PROTO-36 ran (it is not applicable without one) and the request
  // it signed without the token was refused.
  const proto36 = results.requirements.find((q) => q.id === 'PROTO-36');
  expect(proto36?.outcome).toBe('observed');
  expect(proto36?.observations?.find((o) => o.label === 'answer')?.value.status).toBeGreaterThanOrEqual(400);
});

it('no file under the output folder contains any part of a canary', () => {
  const files = filesUnder(dir);
  expect(files.map((f) => f.slice(dir.length + 1))).toEqual(expect.arrayContaining(['results.json', 'manifest.json', 'junit.xml', expect.stringMatching(/^allure-results\/.+-result\.json$/), expect.stringMatching(/^allure-results\/.+-attachment\.json$/)]));
  const leaks = files.filter((f) => readFileSync(f).includes(tag));
  expect(leaks).toEqual([]);
});

it('neither stdout nor stderr of the run contains a canary', () => {
  expect(run.stdout).not.toContain(tag);
  expect(run.stderr).not.toContain(tag);
  expect(run.stdout).toMatch(/verdict: conformant/);
});
