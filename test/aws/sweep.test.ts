/**
 * `kms-conformance sweep` finds keys left by earlier runs by their run-id tag and schedules their
 * deletion; a dry run (the default) changes nothing; a key without the tag is never touched.
 */
import { CreateKeyCommand, ScheduleKeyDeletionCommand, type KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli-support.ts';
import { foreignKey, keysOf, posingAsAws, RUN_TAG, type PosingAws } from './aws-posing.ts';

const OLD_RUN = 'kmsct-20260101T000000-aaaa';
const OTHER_RUN = 'kmsct-20260102T000000-bbbb';

async function leftover(c: KMSClient, runId: string): Promise<string> {
  const { KeyMetadata } = await c.send(new CreateKeyCommand({ Tags: [{ TagKey: RUN_TAG, TagValue: runId }] }));
  return KeyMetadata!.KeyId!;
}

describe('sweep', () => {
  let aws: PosingAws;
  let ids: { old: string; other: string; pending: string; secondary: string; foreign: string };
  const states = async () => Object.fromEntries([...await keysOf(aws.client('primary')), ...await keysOf(aws.client('secondary'))].map((k) => [k.meta.KeyId!, k.meta.KeyState]));

  beforeAll(async () => {
    aws = await posingAsAws();
    const p = aws.client('primary');
    ids = {
      old: await leftover(p, OLD_RUN),
      other: await leftover(p, OTHER_RUN),
      pending: await leftover(p, OLD_RUN),
      secondary: await leftover(aws.client('secondary'), OLD_RUN),
      foreign: (await foreignKey(p)).KeyId!,
    };
    await p.send(new ScheduleKeyDeletionCommand({ KeyId: ids.pending, PendingWindowInDays: 30 }));
  });
  afterAll(() => aws.close());

  const sweep = (...args: string[]) => runCli(['sweep', '--target', 'aws', '--profile', 'conformance-a', '--secondary-profile', 'conformance-b', ...args], aws.env);

  it('by default is a dry run: says what it would do and changes nothing', async () => {
    const before = await states();
    const r = await sweep('--older-than', '0');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/dry run/);
    expect(r.stdout.match(/^would /gm)).toHaveLength(3);
    expect(r.stdout).toMatch(new RegExp(`^pending .*${ids.pending}`, 'm'));
    expect(r.stdout).not.toContain(ids.foreign);
    expect(r.stdout).toMatch(/5 keys examined: 4 tagged by kms-conformance \(3 would be scheduled for deletion, 1 already pending deletion, 0 kept\), 1 without the tag left alone/);
    expect(await states()).toEqual(before);
  }, 60_000);

  it('with --yes --run-id schedules deletion of that run\'s keys only, in both accounts', async () => {
    const r = await sweep('--yes', '--run-id', OLD_RUN);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^scheduled .*${ids.old}`, 'm'));
    expect(r.stdout).toMatch(new RegExp(`^scheduled .*${ids.secondary}`, 'm'));
    expect(r.stdout).toMatch(new RegExp(`^keep .*${ids.other}.*another run`, 'm'));
    const s = await states();
    expect(s).toEqual({ [ids.old]: 'PendingDeletion', [ids.pending]: 'PendingDeletion', [ids.secondary]: 'PendingDeletion', [ids.other]: 'Enabled', [ids.foreign]: 'Enabled' });
  }, 60_000);

  it('--older-than keeps keys newer than the given age', async () => {
    const r = await sweep('--yes', '--older-than', '1d');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^keep .*${ids.other}.*created less than 24 h ago`, 'm'));
    expect((await states())[ids.other]).toBe('Enabled');
  }, 60_000);

  it('without --run-id or --older-than, --yes keeps keys younger than two hours: a run may still be using them', async () => {
    const r = await runCli(['sweep', '--endpoint', aws.ref.url, '--region', 'eu-west-2', '--yes'], { ...aws.env, AWS_PROFILE: 'conformance-a' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^keep .*${ids.other}.*created less than 2 h ago; a run may still be using it`, 'm'));
    expect((await states())[ids.other]).toBe('Enabled');
  }, 60_000);

  it('then sweeps the rest with --older-than 0, never the key without the tag (also through --endpoint)', async () => {
    const r = await runCli(['sweep', '--endpoint', aws.ref.url, '--region', 'eu-west-2', '--yes', '--older-than', '0'], { ...aws.env, AWS_PROFILE: 'conformance-a' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const keys = await keysOf(aws.client('primary'));
    const other = keys.find((k) => k.meta.KeyId === ids.other)!;
    expect(other.meta.KeyState).toBe('PendingDeletion');
    expect(Math.round((other.meta.DeletionDate!.getTime() - Date.now()) / 86_400_000)).toBe(7);
    const foreign = keys.find((k) => k.meta.KeyId === ids.foreign)!;
    expect(foreign.meta.KeyState).toBe('Enabled');
    expect(foreign.tags).toEqual([{ TagKey: 'owner', TagValue: 'someone-else' }]);
  }, 60_000);

  it('rejects a malformed --older-than with one line and exit 2', async () => {
    const r = await sweep('--older-than', 'soon');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/duration like 90m, 12h or 7d/);
  });
});
