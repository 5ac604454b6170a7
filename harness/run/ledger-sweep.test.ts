import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  ListAliasesCommand,
  ScheduleKeyDeletionCommand,
  type KeyMetadata,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKmsClient } from '../clients/sdk-client.ts';
import type { LedgerEntry } from '../resources/registry.ts';
import { startReferenceTarget, tempDir, type ReferenceTarget } from '../test-support/reference-target.ts';
import { sweepLedger } from './ledger-sweep.ts';

let ref: ReferenceTarget;
let kms: KMSClient;

beforeAll(async () => {
  ref = await startReferenceTarget();
  kms = createKmsClient(ref.target, 'primary');
});

afterAll(async () => {
  kms?.destroy();
  await ref?.server.close();
});

const newKey = async (): Promise<KeyMetadata> => (await kms.send(new CreateKeyCommand({}))).KeyMetadata!;
const stateOf = async (keyId: string) => (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.KeyState;
const aliasNames = async () => ((await kms.send(new ListAliasesCommand({}))).Aliases ?? []).map((a) => a.AliasName);

function writeLedger(entries: Omit<LedgerEntry, 'at' | 'principal'>[], trailer = ''): string {
  const path = join(tempDir(), 'ledger.jsonl');
  const at = new Date(0).toISOString();
  writeFileSync(path, entries.map((e) => `${JSON.stringify({ ...e, principal: 'primary', at })}\n`).join('') + trailer);
  return path;
}

describe('sweepLedger', () => {
  it('schedules deletion of created-not-cleaned keys, skips cleaned ones, and deletes leftover aliases', async () => {
    const [leftover, cleaned, pending, forgotten] = [await newKey(), await newKey(), await newKey(), await newKey()];
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: pending!.KeyId!, PendingWindowInDays: 7 }));
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/sweep/leftover', TargetKeyId: forgotten!.KeyId! }));
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/sweep/deleted-in-ledger', TargetKeyId: forgotten!.KeyId! }));
    const path = writeLedger(
      [
        { event: 'key-created', resource: leftover!.Arn! },
        { event: 'key-created', resource: cleaned!.Arn! },
        { event: 'alias-created', resource: 'alias/sweep/leftover' },
        { event: 'key-created', resource: pending!.Arn! },
        { event: 'alias-created', resource: 'alias/sweep/deleted-in-ledger' },
        { event: 'alias-deleted', resource: 'alias/sweep/deleted-in-ledger' },
        { event: 'key-cleaned', resource: cleaned!.Arn! },
      ],
      '{"event":"key-created","resource":"arn:aws:kms:us-', // cut short by an interruption
    );

    const report = await sweepLedger(ref.target, path);

    expect(report).toEqual({ keysScheduled: 2, aliasesDeleted: 1, problems: [] });
    expect(await stateOf(leftover!.KeyId!)).toBe('PendingDeletion');
    expect(await stateOf(pending!.KeyId!)).toBe('PendingDeletion');
    expect(await stateOf(cleaned!.KeyId!)).toBe('Enabled');
    expect(await stateOf(forgotten!.KeyId!)).toBe('Enabled');
    const aliases = await aliasNames();
    expect(aliases).not.toContain('alias/sweep/leftover');
    expect(aliases).toContain('alias/sweep/deleted-in-ledger');
  });

  it('tolerates an alias that is already gone', async () => {
    const path = writeLedger([{ event: 'alias-created', resource: 'alias/sweep/never-existed' }]);
    expect(await sweepLedger(ref.target, path)).toEqual({ keysScheduled: 0, aliasesDeleted: 0, problems: [] });
  });

  it('does nothing for a missing or empty ledger', async () => {
    expect(await sweepLedger(ref.target, join(tempDir(), 'absent.jsonl'))).toEqual({ keysScheduled: 0, aliasesDeleted: 0, problems: [] });
    expect(await sweepLedger(ref.target, writeLedger([]))).toEqual({ keysScheduled: 0, aliasesDeleted: 0, problems: [] });
  });
});
