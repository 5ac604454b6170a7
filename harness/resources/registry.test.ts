import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/reference-target.ts';
import { ResourceRegistry, SafetyRefusal, type LedgerEntry, type RegisteredKey } from './registry.ts';

const RUN = 'run-20260101-abc';
const OURS = '1234abcd-12ab-34cd-56ef-1234567890ab';
const OURS_ARN = `arn:aws:kms:us-east-1:111111111111:key/${OURS}`;
const FOREIGN = '0b7c5e1d-9f3a-4c2b-8e6d-5a4f3b2c1d0e';
const FOREIGN_ARN = `arn:aws:kms:us-east-1:111111111111:key/${FOREIGN}`;

function key(keyId: string, principal = 'primary'): RegisteredKey {
  return { keyId, arn: `arn:aws:kms:us-east-1:111111111111:key/${keyId}`, principal };
}

function registryWithKey(): ResourceRegistry {
  const r = new ResourceRegistry(RUN);
  r.registerKey(key(OURS));
  return r;
}

describe('ResourceRegistry.owns', () => {
  it('owns a created key by id, in any case', () => {
    const r = registryWithKey();
    expect(r.owns(OURS)).toBe(true);
    expect(r.owns(OURS.toUpperCase())).toBe(true);
  });

  it("owns a created key by its ARN, whatever the case of the key id or the whole ARN", () => {
    const r = registryWithKey();
    expect(r.owns(OURS_ARN)).toBe(true);
    expect(r.owns(OURS_ARN.replace(OURS, OURS.toUpperCase()))).toBe(true);
    expect(r.owns(OURS_ARN.toUpperCase())).toBe(true);
  });

  it('does not own a foreign key ARN written in upper case', () => {
    const r = registryWithKey();
    const foreign = 'arn:aws:kms:us-east-1:111111111111:key/0f0e0d0c-0b0a-4999-8888-777766665555';
    expect(r.owns(foreign.toUpperCase())).toBe(false);
  });

  it('owns synthetic ids it handed out', () => {
    const r = new ResourceRegistry(RUN);
    const id = r.syntheticKeyId();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.owns(id)).toBe(true);
  });

  it('treats strings that are not key identifiers as owned (they cannot name a key)', () => {
    const r = new ResourceRegistry(RUN);
    for (const s of ['', 'not-a-key', '1234', `${FOREIGN}x`, 'mrk-123', 'arn:aws:kms:us-east-1:111111111111:key/nope']) {
      expect(r.owns(s), s).toBe(true);
    }
  });

  it('owns run-prefixed aliases, by name and by ARN, and aliases it registered', () => {
    const r = new ResourceRegistry(RUN);
    const name = r.aliasName('label');
    expect(name).toBe(`alias/kms-conformance/${RUN}/label`);
    expect(r.owns(name)).toBe(true);
    expect(r.owns(`arn:aws:kms:us-east-1:111111111111:${name}`)).toBe(true);
    expect(r.owns('alias/created-by-test')).toBe(false);
    r.registerAlias('primary', 'alias/created-by-test');
    expect(r.owns('alias/created-by-test')).toBe(true);
    r.forgetAlias('primary', 'alias/created-by-test');
    expect(r.owns('alias/created-by-test')).toBe(false);
  });

  it('refuses a foreign UUID, a foreign multi-Region id, a foreign ARN and a foreign alias', () => {
    const r = registryWithKey();
    expect(r.owns(FOREIGN)).toBe(false);
    expect(r.owns(`mrk-${'a'.repeat(32)}`)).toBe(false);
    expect(r.owns(FOREIGN_ARN)).toBe(false);
    expect(r.owns('alias/production')).toBe(false);
    expect(r.owns('arn:aws:kms:us-east-1:111111111111:alias/production')).toBe(false);
    expect(r.owns(`alias/kms-conformance/another-run/label`)).toBe(false);
  });
});

describe('ResourceRegistry.assertMayMutate', () => {
  const refusals: [string, Record<string, unknown>][] = [
    ['EnableKey', { KeyId: FOREIGN }],
    ['DisableKey', { KeyId: FOREIGN_ARN }],
    ['ScheduleKeyDeletion', { KeyId: FOREIGN, PendingWindowInDays: 7 }],
    ['DeleteImportedKeyMaterial', { KeyId: FOREIGN }],
    ['CreateAlias', { AliasName: `alias/kms-conformance/${RUN}/a`, TargetKeyId: FOREIGN }],
    ['DeleteAlias', { AliasName: 'alias/production' }],
  ];

  it.each(refusals)('refuses %s on something the run did not create', (operation, input) => {
    const r = registryWithKey();
    expect(() => r.assertMayMutate(operation, input)).toThrow(SafetyRefusal);
    expect(() => r.assertMayMutate(operation, input)).toThrow(new RegExp(`refusing ${operation}`));
  });

  it('allows the same mutations on what the run created', () => {
    const r = registryWithKey();
    expect(() => r.assertMayMutate('EnableKey', { KeyId: OURS })).not.toThrow();
    expect(() => r.assertMayMutate('ScheduleKeyDeletion', { KeyId: OURS_ARN })).not.toThrow();
    expect(() => r.assertMayMutate('CreateAlias', { AliasName: r.aliasName('a'), TargetKeyId: OURS })).not.toThrow();
    expect(() => r.assertMayMutate('DeleteAlias', { AliasName: r.aliasName('a') })).not.toThrow();
  });

  it('allows non-mutating operations on anything', () => {
    const r = registryWithKey();
    expect(() => r.assertMayMutate('DescribeKey', { KeyId: FOREIGN })).not.toThrow();
    expect(() => r.assertMayMutate('Encrypt', { KeyId: FOREIGN_ARN, Plaintext: new Uint8Array(1) })).not.toThrow();
    expect(() => r.assertMayMutate('ListAliases', { KeyId: 'alias/production' })).not.toThrow();
  });
});

describe('ResourceRegistry ledger and scopes', () => {
  it('writes one JSON line per event to the ledger', () => {
    const path = join(tempDir(), 'ledger.jsonl');
    const r = new ResourceRegistry(RUN, path);
    const k = key(OURS);
    r.registerKey(k);
    r.registerAlias('secondary', r.aliasName('x'));
    r.forgetAlias('secondary', r.aliasName('x'));
    r.markCleaned(k);
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    const entries = lines.filter(Boolean).map((l) => JSON.parse(l) as LedgerEntry);
    expect(entries.map((e) => [e.event, e.principal, e.resource])).toEqual([
      ['key-created', 'primary', OURS_ARN],
      ['alias-created', 'secondary', r.aliasName('x')],
      ['alias-deleted', 'secondary', r.aliasName('x')],
      ['key-cleaned', 'primary', OURS_ARN],
    ]);
    for (const e of entries) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
  });

  it('closeScope returns the keys and live aliases of the scope, newest first', () => {
    const r = new ResourceRegistry(RUN);
    r.registerKey(key('00000000-0000-4000-8000-000000000000')); // outside any scope
    r.openScope();
    const [a, b, c] = ['aaaaaaaa-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000002', 'cccccccc-0000-4000-8000-000000000003'].map((id) => key(id));
    r.registerKey(a!);
    r.registerAlias('primary', r.aliasName('one'));
    r.registerKey(b!);
    r.registerAlias('primary', r.aliasName('gone'));
    r.registerAlias('primary', r.aliasName('two'));
    r.forgetAlias('primary', r.aliasName('gone'));
    r.registerKey(c!);
    const closed = r.closeScope();
    expect(closed.keys.map((k) => k.keyId)).toEqual([c!.keyId, b!.keyId, a!.keyId]);
    expect(closed.aliases.map((x) => x.aliasName)).toEqual([r.aliasName('two'), r.aliasName('one')]);
    expect(r.closeScope()).toEqual({ keys: [], aliases: [] });
  });
});

describe('mutations the suite can never own', () => {
  it.each(['CreateCustomKeyStore', 'UpdateCustomKeyStore', 'DeleteCustomKeyStore', 'ConnectCustomKeyStore', 'DisconnectCustomKeyStore'])('refuses %s of a store the run did not make up', (op) => {
    expect(() => registryWithKey().assertMayMutate(op, { CustomKeyStoreId: 'cks-1234567890abcdef0' })).toThrow(SafetyRefusal);
  });

  it.each(['UpdateCustomKeyStore', 'DeleteCustomKeyStore', 'ConnectCustomKeyStore', 'DisconnectCustomKeyStore'])('lets %s name a synthetic store id, which names no store', (op) => {
    const r = registryWithKey();
    const id = r.syntheticStoreId();
    expect(id).toMatch(/^cks-[0-9a-f]{17}$/);
    expect(() => r.assertMayMutate(op, { CustomKeyStoreId: id })).not.toThrow();
  });

  it('lets CreateCustomKeyStore through only on a registry that may probe it (never a real service)', () => {
    expect(() => new ResourceRegistry(RUN, undefined, undefined, true).assertMayMutate('CreateCustomKeyStore', { CustomKeyStoreName: 'x' })).not.toThrow();
    expect(() => new ResourceRegistry(RUN).assertMayMutate('CreateCustomKeyStore', { CustomKeyStoreName: 'x' })).toThrow(SafetyRefusal);
  });

  it('refuses RetireGrant by grant token alone, and of a key it did not create', () => {
    const r = registryWithKey();
    expect(() => r.assertMayMutate('RetireGrant', { GrantToken: 'token' })).toThrow(SafetyRefusal);
    expect(() => r.assertMayMutate('RetireGrant', { KeyId: FOREIGN_ARN, GrantId: 'g' })).toThrow(SafetyRefusal);
    expect(() => r.assertMayMutate('RetireGrant', { KeyId: OURS_ARN, GrantId: 'g' })).not.toThrow();
  });
});

describe('the key budget (--max-keys)', () => {
  it('refuses CreateKey once the run has created its allowance, counted in the shared ledger', () => {
    const ledger = join(tempDir(), 'ledger.jsonl');
    const a = new ResourceRegistry(RUN, ledger, 2);
    const b = new ResourceRegistry(RUN, ledger, 2); // another worker of the same run
    a.assertMayCreateKey();
    a.registerKey(key(OURS));
    b.assertMayCreateKey();
    b.registerKey(key(FOREIGN));
    expect(() => a.assertMayCreateKey()).toThrow(/created 2 keys/);
    expect(() => b.assertMayCreateKey()).toThrow(SafetyRefusal);
  });

  it('counts a ledger line another worker was still writing once it is whole, and only once', () => {
    const ledger = join(tempDir(), 'ledger.jsonl');
    const r = new ResourceRegistry(RUN, ledger, 2);
    const line = `${JSON.stringify({ event: 'key-created', principal: 'primary', resource: OURS_ARN, at: new Date().toISOString() })}\n`;
    appendFileSync(ledger, line);
    appendFileSync(ledger, line.slice(0, 20));
    r.assertMayCreateKey(); // one whole line, the other half written
    r.assertMayCreateKey();
    appendFileSync(ledger, line.slice(20));
    expect(() => r.assertMayCreateKey()).toThrow(/created 2 keys/);
  });
});

describe('the run tag', () => {
  it('may not be removed or changed, even on a key the run created', () => {
    const r = registryWithKey();
    expect(() => r.assertMayMutate('UntagResource', { KeyId: OURS, TagKeys: ['kms-conformance:run-id'] })).toThrow(SafetyRefusal);
    expect(() => r.assertMayMutate('TagResource', { KeyId: OURS, Tags: [{ TagKey: 'kms-conformance:run-id', TagValue: 'other' }] })).toThrow(SafetyRefusal);
    expect(() => r.assertMayMutate('TagResource', { KeyId: OURS, Tags: [{ TagKey: 'purpose', TagValue: 'x' }] })).not.toThrow();
  });
});
