import { describe, expect, it } from 'vitest';
import { accountsOf, Placeholders } from './placeholders.ts';

const K1 = '0e11fd3e-4842-4749-b777-82352bd09221';
const K2 = '5025b76e-3226-442e-8078-11c166609af7';
const MAT = 'dccfcf4d2c49e323dd2f55f41cb6d339f236d74ce41069eaf94c182f8051d9f4';

describe('Placeholders', () => {
  it('replaces volatile values with stable, reference-preserving placeholders', () => {
    const p = new Placeholders({ accounts: { '111111111111': 'primary', '222222222222': 'secondary' }, region: 'eu-west-2' });
    const out = p.apply({
      a: `arn:aws:kms:eu-west-2:111111111111:key/${K1}`,
      b: `Key 'arn:aws:kms:eu-west-2:222222222222:key/${K2}' does not exist`,
      c: `again ${K1.toUpperCase()} and 333333333333`,
      d: `material ${MAT}`,
      e: 'alias/kms-conformance/kmsct-20261128T025058-0da7/x at 2026-11-28T02:56:06.392Z',
      f: 23.999998333,
      g: 7,
    });
    expect(out).toEqual({
      a: 'arn:aws:kms:<region>:<account:primary>:key/<key-id:1>',
      b: "Key 'arn:aws:kms:<region>:<account:secondary>:key/<key-id:2>' does not exist",
      c: 'again <key-id:1> and <account:1>',
      d: 'material <key-material-id:1>',
      e: 'alias/kms-conformance/<run-id>/x at <timestamp>',
      f: 24,
      g: 7,
    });
  });

  it('learns which account a principal acts in from the key ARNs it was answered', () => {
    const ex = [
      { principal: 'primary', response: { body: { KeyMetadata: { Arn: `arn:aws:kms:us-east-1:111111111111:key/${K1}` } } } },
      { principal: 'secondary', response: { body: { KeyMetadata: { Arn: `arn:aws:kms:us-east-1:222222222222:key/${K2}` } } } },
    ];
    expect(accountsOf(ex)).toEqual({ '111111111111': 'primary', '222222222222': 'secondary' });
  });
});
