/**
 * Alias names and alias ARNs. Every alias name lies under the run's own prefix
 * (`alias/kms-conformance/<run id>/…`), the only names the safety gate lets a mutating call carry.
 */
import fc from 'fast-check';

const ALIAS_CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'];

/** A label for `kms.aliasName(label)`: the characters alias names allow, without '/'. */
export function aliasLabel(): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...ALIAS_CHARS), minLength: 1, maxLength: 24 });
}

export function aliasArn(partition: string, region: string, account: string, aliasName: string): string {
  return `arn:${partition}:kms:${region}:${account}:${aliasName}`;
}
