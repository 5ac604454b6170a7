/**
 * Closing an interrupted session also sweeps by the run's tag: a key whose CreateKey was still in
 * flight when the run was cut short never reached the ledger, but carries the run id.
 */
import { CreateKeyCommand, DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PRIMARY_ACCOUNT } from '#reference/accounts.ts';
import { ResourceRegistry, RUN_TAG_KEY, RunClosed } from '../resources/registry.ts';
import { join } from 'node:path';
import { startReferenceTarget, tempDir, type ReferenceTarget } from '../test-support/reference-target.ts';
import { openSession } from './session.ts';

/** Each session its own ledger: fixed run ids must not meet a ledger left by an earlier test run. */
const freshLedger = () => join(tempDir(), 'resources.jsonl');

let ref: ReferenceTarget;
let kms: KMSClient;
beforeAll(async () => {
  ref = await startReferenceTarget();
  kms = new KMSClient({ endpoint: ref.server.url, region: 'us-east-1', credentials: PRIMARY_ACCOUNT.credentials[0]!, maxAttempts: 1 });
});
afterAll(async () => {
  kms.destroy();
  await ref.server.close();
});

/** A key created behind the ledger's back, as an in-flight CreateKey of an interrupted run would be. */
async function keyTagged(runId: string): Promise<string> {
  const out = await kms.send(new CreateKeyCommand({ Tags: [{ TagKey: RUN_TAG_KEY, TagValue: runId }] }));
  return out.KeyMetadata!.KeyId!;
}
const stateOf = async (id: string) => (await kms.send(new DescribeKeyCommand({ KeyId: id }))).KeyMetadata!.KeyState;

it('an interrupted session schedules deletion of keys with its tag that the ledger never saw, and of no other run', async () => {
  const session = await openSession(ref.target, { runId: 'kmsct-20261128T000000-aaaa', ledgerPath: freshLedger() });
  const ours = await keyTagged(session.runId);
  const theirs = await keyTagged('kmsct-20261128T000000-bbbb');
  const report = await session.close({ byTag: true });
  expect(report.problems).toEqual([]);
  expect(report.keysScheduled).toBe(1);
  expect(await stateOf(ours)).toBe('PendingDeletion');
  expect(await stateOf(theirs)).toBe('Enabled');
});

it('a session that ran to its end sweeps only its ledger', async () => {
  const session = await openSession(ref.target, { runId: 'kmsct-20261128T000000-cccc', ledgerPath: freshLedger() });
  const unlisted = await keyTagged(session.runId);
  await session.close();
  expect(await stateOf(unlisted)).toBe('Enabled');
});

it('once a session closes, a worker still running its last check may not create a key', async () => {
  const session = await openSession(ref.target, { runId: 'kmsct-20261128T000000-dddd', ledgerPath: freshLedger() });
  const worker = new ResourceRegistry(session.runId, session.ledgerPath);
  expect(() => worker.assertMayCreateKey()).not.toThrow();
  await session.close({ byTag: true });
  expect(() => worker.assertMayCreateKey()).toThrow(RunClosed);
});
