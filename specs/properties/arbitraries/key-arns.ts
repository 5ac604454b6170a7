/**
 * Key ARNs and their variations: another region (REQ-K5), another account (REQ-X1), another
 * partition. `arn:<partition>:kms:<region>:<account>:key/<key id>`.
 */
import fc from 'fast-check';

/** Regions of each partition, as AWS names them (a sample; enough to vary the ARN). */
export const PARTITION_REGIONS: Readonly<Record<string, readonly string[]>> = {
  aws: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1', 'ca-central-1'],
  'aws-cn': ['cn-north-1', 'cn-northwest-1'],
  'aws-us-gov': ['us-gov-west-1', 'us-gov-east-1'],
  'aws-iso': ['us-iso-east-1'],
  'aws-iso-b': ['us-isob-east-1'],
};

export function keyArn(partition: string, region: string, account: string, keyId: string): string {
  return `arn:${partition}:kms:${region}:${account}:key/${keyId}`;
}

/** A region of `partition` other than `region`. */
export function otherRegion(partition: string, region: string): fc.Arbitrary<string> {
  const others = (PARTITION_REGIONS[partition] ?? PARTITION_REGIONS.aws!).filter((r) => r !== region);
  return fc.constantFrom(...others);
}

/** A 12-digit account id other than `account`; `known` (e.g. the secondary principal's) are drawn too. */
export function otherAccount(account: string, known: readonly string[] = []): fc.Arbitrary<string> {
  const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 12, maxLength: 12 });
  const random = digits.filter((a) => a !== account);
  const others = known.filter((a) => a !== account);
  return others.length ? fc.oneof(fc.constantFrom(...others), random) : random;
}

/** Another partition, with either one of its regions or the caller's own region. */
export function otherPartition(partition: string, region: string): fc.Arbitrary<{ partition: string; region: string }> {
  const others = Object.keys(PARTITION_REGIONS).filter((p) => p !== partition);
  return fc
    .constantFrom(...others)
    .chain((p) => fc.constantFrom(...PARTITION_REGIONS[p]!, region).map((r) => ({ partition: p, region: r })));
}
