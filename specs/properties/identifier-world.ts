/**
 * The world the key-identifier properties run in: two EXTERNAL keys of the caller with imported
 * material and an alias each, optionally one key of the other account, and helpers to send
 * DeleteImportedKeyMaterial with a generated identifier and to read every key's state.
 */
import { CreateAliasCommand, DeleteImportedKeyMaterialCommand, type KMSClient } from '@aws-sdk/client-kms';
import { createImportedKey, describeKey, importKeyMaterial } from '#harness/kms/index.ts';
import { admitGeneratedKeyId } from '#harness/spec/generated-key-id.ts';
import { ExpectationFailure, type SpecContext } from '#harness/spec/index.ts';
import type { Identifier, IdentifierWorld, WorldKey } from './arbitraries/identifiers.ts';

const ARN = /^arn:([^:]+):kms:([^:]+):(\d{12}):key\//;

export interface World extends IdentifierWorld {
  keys: readonly (WorldKey & { material: Buffer })[];
}

export async function createWorld(kms: SpecContext, o: { foreignKey?: boolean } = {}): Promise<World> {
  const keys: (WorldKey & { material: Buffer })[] = [];
  for (const n of [1, 2]) {
    const { key, material } = await createImportedKey(kms.primary, { description: `PROP world k${n}` });
    const aliasName = kms.aliasName(`prop-k${n}-${key.KeyId!.slice(0, 8)}`);
    await kms.primary.send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: key.KeyId! }));
    keys.push({ keyId: key.KeyId!, arn: key.Arn!, aliasName, material });
  }
  const [, partition, region, account] = ARN.exec(keys[0]!.arn) ?? [];
  if (!partition || !region || !account) throw new Error(`CreateKey returned an ARN of an unexpected form: ${keys[0]!.arn}`);
  const foreignKeys = [];
  if (o.foreignKey && kms.secondary) {
    const { key } = await createImportedKey(kms.secondary, { description: 'PROP world, other account' });
    foreignKeys.push({ keyId: key.KeyId!, arn: key.Arn! });
  }
  const secondaryAccount = kms.target.principals.secondary?.accountId ?? ARN.exec(foreignKeys[0]?.arn ?? '')?.[3];
  return {
    partition,
    region,
    account,
    keys,
    foreignKeys,
    otherAccounts: secondaryAccount && secondaryAccount !== account ? [secondaryAccount] : [],
    aliasName: (label) => kms.aliasName(label),
  };
}

/** Each key's state as `KeyState/Enabled`, the caller's keys first, then the other account's. */
export async function keyStates(kms: SpecContext, w: World): Promise<string[]> {
  const read = async (client: KMSClient, id: string) => {
    const md = await describeKey(client, id);
    return `${md.KeyState}/${md.Enabled ? 'enabled' : 'not enabled'}`;
  };
  const own = await Promise.all(w.keys.map((k) => read(kms.primary, k.keyId)));
  const foreign = kms.secondary ? await Promise.all(w.foreignKeys.map((k) => read(kms.secondary!, k.keyId))) : [];
  return [...own, ...foreign];
}

/** Fails unless the keys are in the `expected` states, naming the call they follow. */
export function expectStates(actual: readonly string[], expected: readonly string[], after: string): void {
  if (actual.length === expected.length && actual.every((s, i) => s === expected[i])) return;
  throw new ExpectationFailure(`after ${after}: the keys are ${actual.join(', ')}; expected ${expected.join(', ')}`, expected, actual);
}

/** DeleteImportedKeyMaterial with `id` as KeyId, after admitting the key ids it generated. */
export async function deleteMaterialWith(kms: SpecContext, id: Identifier): Promise<unknown> {
  for (const g of id.generated) await admitGeneratedKeyId(kms, g);
  return kms.primary.send(new DeleteImportedKeyMaterialCommand({ KeyId: id.value }));
}

/** Reimports a world key's own material, so the next run finds it Enabled again (REQ-I9). */
export async function restore(kms: SpecContext, key: World['keys'][number]): Promise<void> {
  await importKeyMaterial(kms.primary, key.keyId, key.material);
  const md = await describeKey(kms.primary, key.keyId);
  if (md.KeyState !== 'Enabled') throw new Error(`reimporting ${key.keyId}'s own material left it ${md.KeyState}, not Enabled`);
}

/** Counts the error codes a class of identifiers was refused with, for kms.observe. */
export class AnswerTally {
  private readonly counts: Record<string, number> = {};

  add(code: string, status: number | undefined): void {
    const k = `${code} (HTTP ${status})`;
    this.counts[k] = (this.counts[k] ?? 0) + 1;
  }

  get answers(): Readonly<Record<string, number>> {
    return this.counts;
  }
}
