/**
 * @module reference/model/arn
 * Key and alias identifiers: the forms KMS accepts and how ARNs are built and read.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MRK = /^mrk-[0-9a-f]{32}$/;
const ARN = /^arn:([a-z-]+):kms:([a-z0-9-]*):([0-9]*):(key|alias)\/(.+)$/;

/** True for the two key-id forms KMS issues: a UUID, or `mrk-` and 32 hex digits (REQ-K1, REQ-K3, REQ-K4). */
export function isWellFormedKeyId(id: string): boolean {
  return UUID.test(id) || MRK.test(id);
}

export interface ParsedArn {
  partition: string;
  region: string;
  account: string;
  resource: 'key' | 'alias';
  /** The key id for `key/…`, or the full alias name (`alias/…`) for `alias/…`. */
  id: string;
}

/** Reads a KMS ARN; undefined when the string is not one. */
export function parseArn(input: string): ParsedArn | undefined {
  const m = ARN.exec(input);
  if (!m) return undefined;
  const [, partition, region, account, resource, rest] = m as unknown as [string, string, string, string, 'key' | 'alias', string];
  return { partition, region, account, resource, id: resource === 'alias' ? `alias/${rest}` : rest };
}

export function keyArn(partition: string, region: string, account: string, keyId: string): string {
  return `arn:${partition}:kms:${region}:${account}:key/${keyId}`;
}

export function aliasArn(partition: string, region: string, account: string, aliasName: string): string {
  return `arn:${partition}:kms:${region}:${account}:${aliasName}`;
}

/** The partition a region belongs to, as AWS names them. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
