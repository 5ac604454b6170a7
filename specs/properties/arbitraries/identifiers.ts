/**
 * The identifier classes of the key-identifier properties, drawn around a world of real keys: each
 * value says how it was formed, the string sent as KeyId, which generated key ids it carries (the
 * safety gate must admit them first) and which real key, if any, it names.
 */
import fc from 'fast-check';
import { aliasArn, aliasLabel } from './aliases.ts';
import { keyArn, otherAccount, otherPartition, otherRegion } from './key-arns.ts';
import { keyId, malformedKeyId, multiRegionKeyId } from './key-ids.ts';

export interface WorldKey {
  keyId: string;
  arn: string;
  /** An alias of the run that points at the key. */
  aliasName: string;
}

export interface IdentifierWorld {
  partition: string;
  region: string;
  /** The caller's account. */
  account: string;
  /** Keys of the caller; identifiers may name them. */
  keys: readonly WorldKey[];
  /** Keys of another account (the secondary principal's), when the target has one. */
  foreignKeys: readonly { keyId: string; arn: string }[];
  /** Accounts known to be other than the caller's. */
  otherAccounts: readonly string[];
  /** An alias name under the run's prefix. */
  aliasName(label: string): string;
}

export interface Identifier {
  form: string;
  value: string;
  generated: readonly string[];
  /** Index in `world.keys` of the key the identifier names. */
  names?: number;
}

function identifier(form: string, value: string, generated: readonly string[] = [], names?: number): Identifier {
  return {
    form,
    value,
    generated,
    ...(names !== undefined && { names }),
    [fc.toStringMethod]: () => `${form}: ${value}`,
  } as Identifier;
}

/** A key id in an ARN: one of the world's keys, or a generated id that names none. */
function someKeyId(w: IdentifierWorld): fc.Arbitrary<{ id: string; generated: string[]; real: boolean }> {
  return fc.oneof(
    fc.constantFrom(...w.keys).map((k) => ({ id: k.keyId, generated: [], real: true })),
    fc.oneof(keyId(), multiRegionKeyId()).map((id) => ({ id, generated: [id], real: false })),
  );
}

/** Well-formed ids and same-region ARNs that name no key (REQ-K1, K2, K3). */
export function unknownKeyIdentifiers(w: IdentifierWorld): fc.Arbitrary<Identifier> {
  const arn = (id: string) => keyArn(w.partition, w.region, w.account, id);
  return fc.oneof(
    keyId().map((id) => identifier('key id', id, [id])),
    multiRegionKeyId().map((id) => identifier('multi-Region key id', id, [id])),
    keyId().map((id) => identifier('key ARN', arn(id), [id])),
    multiRegionKeyId().map((id) => identifier('multi-Region key ARN', arn(id), [id])),
  );
}

/** Strings that are not a key id, an ARN or an alias (REQ-K4). */
export function malformedIdentifiers(): fc.Arbitrary<Identifier> {
  return malformedKeyId().map((s) => identifier('malformed key id', s));
}

/** Key ARNs naming another region of the same partition, for real and unknown key ids (REQ-K5). */
export function otherRegionArns(w: IdentifierWorld): fc.Arbitrary<Identifier> {
  return fc
    .tuple(otherRegion(w.partition, w.region), someKeyId(w))
    .map(([region, k]) => identifier(`key ARN in ${region}${k.real ? ' of a real key id' : ''}`, keyArn(w.partition, region, w.account, k.id), k.generated));
}

/** Key ARNs naming another partition (with its regions or the caller's). */
export function otherPartitionArns(w: IdentifierWorld): fc.Arbitrary<Identifier> {
  return fc
    .tuple(otherPartition(w.partition, w.region), someKeyId(w))
    .map(([p, k]) => identifier(`key ARN in partition ${p.partition}${k.real ? ' of a real key id' : ''}`, keyArn(p.partition, p.region, w.account, k.id), k.generated));
}

/** Alias names and alias ARNs, of real keys' aliases and of names that exist nowhere (REQ-K7). */
export function aliasIdentifiers(w: IdentifierWorld): fc.Arbitrary<Identifier> {
  const realAlias = fc.constantFrom(...w.keys).map((k) => k.aliasName);
  const absentAlias = aliasLabel().map((l) => w.aliasName(`absent-${l}`));
  return fc.oneof(
    realAlias.map((a) => identifier('alias name of a real key', a)),
    absentAlias.map((a) => identifier('alias name', a)),
    realAlias.map((a) => identifier('alias ARN of a real key', aliasArn(w.partition, w.region, w.account, a))),
    absentAlias.map((a) => identifier('alias ARN', aliasArn(w.partition, w.region, w.account, a))),
  );
}

/** Key ARNs and alias ARNs naming another account: the caller's key ids under it, unknown ids, keys that account really owns (REQ-X1). */
export function otherAccountArns(w: IdentifierWorld): fc.Arbitrary<Identifier> {
  const account = otherAccount(w.account, w.otherAccounts);
  const forms = [
    fc.tuple(account, someKeyId(w)).map(([a, k]) => identifier(`key ARN in account ${a}${k.real ? ' of a real key id' : ''}`, keyArn(w.partition, w.region, a, k.id), k.generated)),
    fc.tuple(account, fc.constantFrom(...w.keys)).map(([a, k]) => identifier(`alias ARN in account ${a}`, aliasArn(w.partition, w.region, a, k.aliasName))),
  ];
  if (w.foreignKeys.length) forms.push(fc.constantFrom(...w.foreignKeys).map((k) => identifier('key ARN of a key the other account owns', k.arn)));
  return fc.oneof(...forms);
}

/** The key id or key ARN of one of the world's keys. */
export function ownKeyIdentifiers(w: IdentifierWorld): fc.Arbitrary<Identifier> {
  const index = fc.integer({ min: 0, max: w.keys.length - 1 });
  return fc.oneof(
    index.map((i) => identifier(`key id of k${i + 1}`, w.keys[i]!.keyId, [], i)),
    index.map((i) => identifier(`key ARN of k${i + 1}`, w.keys[i]!.arn, [], i)),
  );
}
