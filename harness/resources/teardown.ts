/**
 * @module harness/resources/teardown
 * Cleans up what a test created: aliases are deleted, keys are scheduled for deletion with the
 * minimum 7-day window, newest first. Problems are collected, never thrown one by one.
 */
import { DeleteAliasCommand, ScheduleKeyDeletionCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { RegisteredKey, ResourceRegistry } from './registry.ts';

/** The shortest waiting period KMS allows. */
export const MIN_PENDING_WINDOW_DAYS = 7;

/** Answers that mean the key is already going or gone: nothing left to do. */
const ALREADY_DONE = new Set(['KMSInvalidStateException', 'NotFoundException']);

export async function scheduleKeyDeletion(client: KMSClient, key: RegisteredKey): Promise<string | undefined> {
  try {
    await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.keyId, PendingWindowInDays: MIN_PENDING_WINDOW_DAYS }));
  } catch (e) {
    const name = (e as Error).name;
    if (!ALREADY_DONE.has(name)) return `${key.arn}: ScheduleKeyDeletion failed: ${name}: ${(e as Error).message}`;
  }
  return undefined;
}

/** The Region in a key ARN (undefined for a bare id). */
export function regionOfArn(arn: string): string | undefined {
  return /^arn:[^:]*:kms:([^:]+):/.exec(arn)?.[1];
}

export async function teardown(
  registry: ResourceRegistry,
  /** The client of a principal, in `region` when given (a replica's). */
  clientOf: (principal: string, region?: string) => KMSClient,
  created: ReturnType<ResourceRegistry['closeScope']>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const a of created.aliases) {
    try {
      await clientOf(a.principal).send(new DeleteAliasCommand({ AliasName: a.aliasName }));
    } catch (e) {
      if ((e as Error).name !== 'NotFoundException') problems.push(`${a.aliasName}: DeleteAlias failed: ${(e as Error).message}`);
    }
  }
  for (const key of created.keys) {
    const problem = await scheduleKeyDeletion(clientOf(key.principal, regionOfArn(key.arn)), key);
    if (problem) problems.push(problem);
    else registry.markCleaned(key);
  }
  return problems;
}
