/**
 * @module harness/run/ledger-sweep
 * At the end of a run, and when a run is interrupted, every key the ledger says was created and not
 * cleaned up is scheduled for deletion (newest first), and every alias still listed is deleted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { DeleteAliasCommand } from '@aws-sdk/client-kms';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { PrincipalName, TargetConfig } from '../config/target-config.ts';
import { createKmsClient } from '../clients/sdk-client.ts';
import type { LedgerEntry } from '../resources/registry.ts';
import { regionOfArn, scheduleKeyDeletion } from '../resources/teardown.ts';

export interface SweepReport {
  keysScheduled: number;
  aliasesDeleted: number;
  problems: string[];
}

function readLedger(path: string): LedgerEntry[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as LedgerEntry];
      } catch {
        return []; // a line cut short by an interruption
      }
    });
}

export async function sweepLedger(target: TargetConfig, ledgerPath: string): Promise<SweepReport> {
  const entries = readLedger(ledgerPath);
  const keys = new Map<string, LedgerEntry>();
  const aliases = new Map<string, LedgerEntry>();
  for (const e of entries) {
    if (e.event === 'key-created') keys.set(e.resource, e);
    if (e.event === 'key-cleaned') keys.delete(e.resource);
    if (e.event === 'alias-created') aliases.set(e.resource, e);
    if (e.event === 'alias-deleted') aliases.delete(e.resource);
  }
  const report: SweepReport = { keysScheduled: 0, aliasesDeleted: 0, problems: [] };
  if (keys.size === 0 && aliases.size === 0) return report;
  const clients = new Map<string, KMSClient>();
  const clientOf = (p: string, region = target.region) => {
    let c = clients.get(`${p}/${region}`);
    if (!c) clients.set(`${p}/${region}`, (c = createKmsClient(target, p as PrincipalName, { region })));
    return c;
  };
  for (const a of [...aliases.values()].reverse()) {
    try {
      await clientOf(a.principal).send(new DeleteAliasCommand({ AliasName: a.resource }));
      report.aliasesDeleted++;
    } catch (e) {
      if ((e as Error).name !== 'NotFoundException') report.problems.push(`${a.resource}: ${(e as Error).message}`);
    }
  }
  for (const k of [...keys.values()].reverse()) {
    const keyId = k.resource.split('/').pop()!;
    const problem = await scheduleKeyDeletion(clientOf(k.principal, regionOfArn(k.resource)), { keyId, arn: k.resource, principal: k.principal });
    if (problem) report.problems.push(problem);
    else report.keysScheduled++;
  }
  for (const c of clients.values()) c.destroy();
  return report;
}
