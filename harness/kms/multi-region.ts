/**
 * @module harness/kms/multi-region
 * Multi-Region keys in specs: which Regions replicas go to, creating a primary, and replicating it
 * with a bounded wait for the replica to leave Creating (AWS: "a few seconds"; recorded up to 120 s,
 * key-management §6.3).
 */
import { CreateKeyCommand, DescribeKeyCommand, ReplicateKeyCommand, type KeyMetadata, type KMSClient, type ReplicateKeyCommandOutput } from '@aws-sdk/client-kms';
import type { TargetConfig } from '../config/target-config.ts';
import { asyncWaitMs, eventually } from './consistency.ts';

/** Regions of each partition, for replicas when the target names none (`replicaRegions`). */
const PARTITION_REGIONS: readonly (readonly string[])[] = [
  ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-1'],
  ['cn-north-1', 'cn-northwest-1'],
  ['us-gov-west-1', 'us-gov-east-1'],
];

/** Up to two Regions other than the target's own, of its partition, where replicas may be made. */
export function replicaRegions(target: Pick<TargetConfig, 'region' | 'replicaRegions'>): string[] {
  if (target.replicaRegions) return target.replicaRegions.filter((r) => r !== target.region);
  const partition = PARTITION_REGIONS.find((p) => p.some((r) => r.slice(0, 3) === target.region.slice(0, 3))) ?? PARTITION_REGIONS[0]!;
  return partition.filter((r) => r !== target.region).slice(0, 2);
}

export async function createMultiRegionKey(client: KMSClient, description: string, origin: 'AWS_KMS' | 'EXTERNAL' = 'AWS_KMS'): Promise<KeyMetadata> {
  const { KeyMetadata } = await client.send(new CreateKeyCommand({ MultiRegion: true, Description: description, ...(origin === 'EXTERNAL' && { Origin: origin }) }));
  if (!KeyMetadata?.KeyId) throw new Error('CreateKey returned no KeyMetadata.KeyId');
  return KeyMetadata;
}

/** The replica's DescribeKey once it has left Creating (or the last answer when the wait runs out). */
export async function awaitReplica(replicaClient: KMSClient, keyId: string): Promise<KeyMetadata> {
  const md = await eventually(async () => (await replicaClient.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!, {
    until: (m) => m.KeyState !== 'Creating',
    timeoutMs: asyncWaitMs(replicaClient, 120_000, 10_000),
    // AWS's recorded replicas took seconds (LocalStack polls every 5 s); a local one is quick.
    intervalMs: asyncWaitMs(replicaClient, 5_000, 100),
  });
  return md;
}

/** ReplicateKey, then the wait for the replica to be usable; both answers are returned. */
export async function replicate(primaryClient: KMSClient, replicaClient: KMSClient, keyId: string, region: string): Promise<{ response: ReplicateKeyCommandOutput; replica: KeyMetadata }> {
  const response = await primaryClient.send(new ReplicateKeyCommand({ KeyId: keyId, ReplicaRegion: region }));
  return { response, replica: await awaitReplica(replicaClient, keyId) };
}

/**
 * DescribeKey once an UpdatePrimaryRegion has completed for `keyId` in `client`'s Region: the key is
 * no longer Updating and, when `type` is given, is of that multi-Region type (or the last answer
 * when the wait runs out; both keys of the family are Updating for a while, AWS documents).
 */
export async function awaitUpdated(client: KMSClient, keyId: string, type?: 'PRIMARY' | 'REPLICA'): Promise<KeyMetadata> {
  return eventually(async () => (await client.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!, {
    until: (m) => m.KeyState !== 'Updating' && (type === undefined || m.MultiRegionConfiguration?.MultiRegionKeyType === type),
    timeoutMs: asyncWaitMs(client, 120_000, 5_000),
    intervalMs: asyncWaitMs(client, 5_000, 100),
  });
}
