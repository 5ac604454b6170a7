/**
 * An interrupted run against the aws target still schedules deletion of every key it created.
 * The aws target's own write rate limit (2 a second by default) keeps the run going long enough.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collect, startCli, waitForLine } from '../cli-support.ts';
import { foreignKey, keysOf, posingAsAws, type PosingAws } from './aws-posing.ts';

let aws: PosingAws;
beforeAll(async () => {
  aws = await posingAsAws();
});
afterAll(() => aws.close());

it('on SIGINT, exits 130 after scheduling deletion (7 days) of every key the run created, and of no other', async () => {
  const foreign = await foreignKey(aws.client('primary'));
  const child = startCli(['run', '--target', 'aws', '--profile', 'conformance-a', '--yes-create-real-aws-keys', '--grep', '^DIKM-', '--out', join(aws.dir, 'run')], aws.env);
  const done = collect(child);
  const runId = (await waitForLine(child, /run (kmsct-[\w-]+),/))[1]!;
  await waitForLine(child, /✓ DIKM-/);
  child.kill('SIGINT');
  const r = await done;
  expect(r.code, r.stdout + r.stderr).toBe(130);
  expect(r.stdout).toMatch(/interrupted/);

  const keys = await keysOf(aws.client('primary'));
  const ours = keys.filter((k) => k.runTag === runId);
  expect(ours.length).toBeGreaterThan(0);
  for (const k of ours) {
    expect(k.meta.KeyState, k.meta.Arn).toBe('PendingDeletion');
    expect(Math.round((k.meta.DeletionDate!.getTime() - k.meta.CreationDate!.getTime()) / 86_400_000)).toBe(7);
  }
  // Nothing untagged was created, and the foreign key is as it was.
  expect(keys.filter((k) => k.runTag !== runId).map((k) => k.meta.KeyId)).toEqual([foreign.KeyId]);
  expect(keys.find((k) => k.meta.KeyId === foreign.KeyId)!.meta.KeyState).toBe('Enabled');
}, 120_000);
