/**
 * The aws target's safety rules, against the embedded reference posing as AWS (test/aws/aws-posing.ts):
 * refusal without the confirmation flag, the plan, the run tag on every key, deletion with the
 * 7-day window at the end, a key the suite did not create left alone, throttling retried, and record
 * mode with its diff.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIMARY_ACCOUNT, SECONDARY_ACCOUNT } from '../../reference/accounts.ts';
import { runCli } from '../cli-support.ts';
import { foreignKey, keysOf, posingAsAws, PROFILE_REGION, type PosingAws } from './aws-posing.ts';

const CONFIRM = '--yes-create-real-aws-keys';
const PROFILES = ['--profile', 'conformance-a', '--secondary-profile', 'conformance-b'];
const DAY = 86_400_000;

describe('run --target aws', () => {
  let aws: PosingAws;
  beforeAll(async () => {
    aws = await posingAsAws();
  });
  afterAll(() => aws.close());

  it('refuses to start without the confirmation flag: one line, exit 2, nothing created', async () => {
    const r = await runCli(['run', '--target', 'aws', ...PROFILES, '--out', join(aws.dir, 'refused')], aws.env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(CONFIRM);
    expect(r.stdout).toBe('');
    expect(await keysOf(aws.client('primary'))).toEqual([]);
    expect(await keysOf(aws.client('secondary'))).toEqual([]);
  });

  it('shows its plan, tags every key, deletes them with the 7-day window, leaves a foreign key alone, and records observe checks', async () => {
    const foreign = await foreignKey(aws.client('primary'));
    const recordings = join(aws.dir, 'recordings');
    const out = join(aws.dir, 'run');
    const r = await runCli(['run', '--target', 'aws', ...PROFILES, CONFIRM, '--grep', '^(KEY-0[1-5]|DIKM-41|DIKM-48) ', '--out', out, '--record', '--recordings', recordings], aws.env);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const runId = /run (kmsct-[\w-]+),/.exec(r.stdout)![1]!;

    // The plan, before the first check.
    const plan = r.stdout.slice(0, r.stdout.indexOf('✓'));
    expect(plan).toContain(`region ${PROFILE_REGION}`);
    expect(plan).toContain("primary:   profile 'conformance-a'");
    expect(plan).toContain("secondary: profile 'conformance-b'");
    expect(plan).toMatch(/creates at most 250 KMS keys/);
    expect(plan).toContain(`kms-conformance:run-id=${runId}`);
    expect(plan).toMatch(/minimum 7-day window/);
    expect(plan).toMatch(/cost: .*aws\.amazon\.com\/kms\/pricing/);
    expect(plan).toMatch(/ledger of created keys: \S+\.resources\.jsonl/);

    // Every key but the foreign one was created by this run, tagged, and is pending deletion in 7 days.
    const primary = await keysOf(aws.client('primary'));
    const secondary = await keysOf(aws.client('secondary'));
    const created = [...primary, ...secondary].filter((k) => k.meta.KeyId !== foreign.KeyId);
    expect(created.length).toBeGreaterThanOrEqual(4);
    expect(secondary.length).toBeGreaterThan(0); // DIKM-41 creates a key in the secondary account
    for (const k of created) {
      expect(k.runTag, k.meta.Arn).toBe(runId);
      expect(k.meta.KeyState, k.meta.Arn).toBe('PendingDeletion');
      const days = (k.meta.DeletionDate!.getTime() - k.meta.CreationDate!.getTime()) / DAY;
      expect(days, k.meta.Arn).toBeGreaterThan(6.9);
      expect(days, k.meta.Arn).toBeLessThan(7.1);
    }
    // The key the suite did not create: same state, same tags.
    const after = primary.find((k) => k.meta.KeyId === foreign.KeyId)!;
    expect(after.meta.KeyState).toBe('Enabled');
    expect(after.tags).toEqual([{ TagKey: 'owner', TagValue: 'someone-else' }]);

    // Record mode: one redacted fixture per observe check, with placeholders, dates and no secrets.
    const folder = join(recordings, 'aws');
    expect(readdirSync(folder).sort()).toEqual(['DIKM-41.json', 'DIKM-48.json']);
    const text = readdirSync(folder).map((f) => readFileSync(join(folder, f), 'utf8')).join('\n');
    for (const secret of [PRIMARY_ACCOUNT.credentials[0]!.secretAccessKey, SECONDARY_ACCOUNT.credentials[0]!.secretAccessKey, PRIMARY_ACCOUNT.accountId, SECONDARY_ACCOUNT.accountId, runId, PROFILE_REGION + ':']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('<account:primary>');
    expect(text).toContain('<account:secondary>');
    expect(text).toContain('<key-id:1>');
    const rec = JSON.parse(readFileSync(join(folder, 'DIKM-48.json'), 'utf8'));
    expect(rec).toMatchObject({ requirement: 'DIKM-48', target: 'aws', region: PROFILE_REGION, suiteVersion: expect.any(String), recordedAt: expect.stringMatching(/^\d{4}-/) });

    // recordings diff: the run matches what it recorded; a changed answer is reported with exit 1.
    const same = await runCli(['recordings', 'diff', out, '--recordings', recordings], aws.env);
    expect(same.code, same.stdout + same.stderr).toBe(0);
    expect(same.stdout).toMatch(/2 recorded checks compared .*0 changed, 0 new, 0 missing/);
    rec.observations[0].value.status = 204;
    writeFileSync(join(folder, 'DIKM-48.json'), JSON.stringify(rec));
    const changed = await runCli(['recordings', 'diff', out, '--recordings', recordings], aws.env);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/changed DIKM-48\n {4}answer:\n {6}- recorded: \{"status":204/);
    expect(changed.stdout).toMatch(/\+ now: {6}\{"status":200/);
  }, 120_000);

  it('record mode is for AWS: another target needs --record-any', async () => {
    const r = await runCli(['run', '--endpoint', aws.ref.url, '--record', '--out', join(aws.dir, 'x')], aws.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--record-any/);
  });
});

describe('run --target aws against a target that throttles', () => {
  let aws: PosingAws;
  beforeAll(async () => {
    aws = await posingAsAws(['throttle-first-request']);
  });
  afterAll(() => aws.close());

  it('retries the ThrottlingException and keeps both attempts in the evidence', async () => {
    const out = join(aws.dir, 'run');
    const r = await runCli(['run', '--target', 'aws', ...PROFILES, CONFIRM, '--grep', '^KEY-01 ', '--out', out], aws.env);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    const key01 = results.requirements.find((q: { id: string }) => q.id === 'KEY-01');
    expect(key01.outcome).toBe('pass');
    const creates = key01.exchanges.filter((e: { operation: string }) => e.operation === 'CreateKey');
    expect(creates.map((e: { response: { status: number; body: { __type?: string } } }) => [e.response.status, e.response.body.__type])).toEqual([[400, 'ThrottlingException'], [200, undefined]]);
  }, 120_000);
});

describe('run --target aws --max-keys', () => {
  let aws: PosingAws;
  beforeAll(async () => {
    aws = await posingAsAws();
  });
  afterAll(() => aws.close());

  it('creates no more keys than allowed, and ends with exit 2 saying so', async () => {
    const r = await runCli(['run', '--target', 'aws', '--profile', 'conformance-a', CONFIRM, '--max-keys', '1', '--grep', '^KEY-0[12] ', '--out', join(aws.dir, 'run')], aws.env);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stdout).toMatch(/creates at most 1 KMS keys/);
    expect(r.stderr).toMatch(/--max-keys 1/);
    const keys = await keysOf(aws.client('primary'));
    expect(keys).toHaveLength(1);
    expect(keys[0]!.meta.KeyState).toBe('PendingDeletion');
  }, 120_000);
});
