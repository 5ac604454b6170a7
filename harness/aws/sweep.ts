/**
 * @module harness/aws/sweep
 * Finds keys that earlier runs created and left behind (an interrupted run whose ledger is gone, a
 * machine that died), by the run-id tag every created key carries, and schedules their deletion with
 * the minimum window. A key without the tag is never touched: the clients used here only admit keys
 * whose tag was seen, so the safety gate would refuse anything else even if this code were wrong.
 */
import {
  DescribeKeyCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  type KMSClient,
  type Tag,
} from '@aws-sdk/client-kms';
import type { PrincipalName, TargetConfig } from '../config/target-config.ts';
import { createKmsClient } from '../clients/sdk-client.ts';
import { ResourceRegistry, RUN_TAG_KEY } from '../resources/registry.ts';
import { MIN_PENDING_WINDOW_DAYS, scheduleKeyDeletion } from '../resources/teardown.ts';

/** 90 minutes as `1.5 h`, two days as `48 h`: the age a sweep keeps keys younger than. */
function ageText(ms: number): string {
  return ms < 3_600_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round((ms / 3_600_000) * 10) / 10} h`;
}

/**
 * Without --run-id, a sweep keeps keys younger than this unless --older-than says otherwise: a run
 * still going (another terminal, a CI job) owns its keys, and scheduling them would break it.
 */
export const DEFAULT_MIN_AGE_MS = 2 * 3_600_000;

export interface SweepOptions {
  /** Only keys of this run. */
  runId?: string;
  /** Only keys created at least this long ago. */
  olderThanMs?: number;
  /** False: report what would be done, change nothing. */
  apply: boolean;
  now?: Date;
  write: (line: string) => void;
}

export interface TagSweepSummary {
  examined: number;
  untagged: number;
  tagged: number;
  scheduled: number;
  wouldSchedule: number;
  alreadyPending: number;
  kept: number;
  problems: string[];
}

async function* listKeyIds(client: KMSClient): AsyncGenerator<{ KeyId: string; KeyArn: string }> {
  let Marker: string | undefined;
  do {
    const page = await client.send(new ListKeysCommand({ Limit: 100, ...(Marker && { Marker }) }));
    for (const k of page.Keys ?? []) if (k.KeyId) yield { KeyId: k.KeyId, KeyArn: k.KeyArn ?? k.KeyId };
    Marker = page.Truncated ? page.NextMarker : undefined;
  } while (Marker);
}

async function runTagOf(client: KMSClient, keyId: string): Promise<string | undefined> {
  let Marker: string | undefined;
  do {
    const page = await client.send(new ListResourceTagsCommand({ KeyId: keyId, Limit: 50, ...(Marker && { Marker }) }));
    const tag = (page.Tags ?? []).find((t: Tag) => t.TagKey === RUN_TAG_KEY);
    if (tag) return tag.TagValue ?? '';
    Marker = page.Truncated ? page.NextMarker : undefined;
  } while (Marker);
  return undefined;
}

/** Sweeps every principal's account of the target; one line per tagged key. */
export async function sweepTaggedKeys(target: TargetConfig, o: SweepOptions): Promise<TagSweepSummary> {
  const s: TagSweepSummary = { examined: 0, untagged: 0, tagged: 0, scheduled: 0, wouldSchedule: 0, alreadyPending: 0, kept: 0, problems: [] };
  const now = o.now ?? new Date();
  const seen = new Set<string>();
  for (const principal of Object.keys(target.principals) as PrincipalName[]) {
    // Nothing is registered up front: only keys whose run tag was read are admitted below.
    const registry = new ResourceRegistry('sweep');
    const client = createKmsClient(target, principal, { registry });
    try {
      for await (const k of listKeyIds(client)) {
        if (seen.has(k.KeyArn)) continue; // both principals in one account
        seen.add(k.KeyArn);
        s.examined++;
        let runId: string | undefined;
        try {
          runId = await runTagOf(client, k.KeyId);
        } catch {
          // AWS managed keys and keys the principal may not read are not ours to judge: skip them.
          s.untagged++;
          continue;
        }
        if (runId === undefined) {
          s.untagged++;
          continue;
        }
        s.tagged++;
        const { KeyMetadata: m } = await client.send(new DescribeKeyCommand({ KeyId: k.KeyId }));
        const created = m?.CreationDate;
        const label = `${k.KeyArn} run ${runId || '(empty)'} ${m?.KeyState ?? '?'}${created ? ` created ${created.toISOString()}` : ''}`;
        if (o.runId && runId !== o.runId) {
          s.kept++;
          o.write(`keep      ${label} (another run)`);
        } else if (o.olderThanMs !== undefined && created && now.getTime() - created.getTime() < o.olderThanMs) {
          s.kept++;
          o.write(`keep      ${label} (created less than ${ageText(o.olderThanMs)} ago${o.runId === undefined ? '; a run may still be using it' : ''})`);
        } else if (m?.KeyState === 'PendingDeletion' || m?.KeyState === 'PendingReplicaDeletion') {
          s.alreadyPending++;
          o.write(`pending   ${label}${m.DeletionDate ? ` (deleted on ${m.DeletionDate.toISOString()})` : ''}`);
        } else if (!o.apply) {
          s.wouldSchedule++;
          o.write(`would     ${label} → ScheduleKeyDeletion ${MIN_PENDING_WINDOW_DAYS} days`);
        } else {
          const key = { keyId: k.KeyId, arn: k.KeyArn, principal };
          registry.registerKey(key); // admitted: it carries our run tag
          const problem = await scheduleKeyDeletion(client, key);
          if (problem) {
            s.problems.push(problem);
            o.write(`failed    ${label}: ${problem}`);
          } else {
            s.scheduled++;
            o.write(`scheduled ${label} → deletion in ${MIN_PENDING_WINDOW_DAYS} days`);
          }
        }
      }
    } finally {
      client.destroy();
    }
  }
  return s;
}
