/**
 * The commands of the key-material check, each a call to the target whose answer is compared with
 * the model's rules, after which DescribeKey must report the state and current material the model
 * holds. Keys are named k1 (EXTERNAL, imported material) and k2 (AWS_KMS) for replayable labels.
 */
import { DecryptCommand, DeleteImportedKeyMaterialCommand, DescribeKeyCommand, EncryptCommand, RotateKeyOnDemandCommand, type KeyMetadata } from '@aws-sdk/client-kms';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { asyncWaitMs, eventually, importKeyMaterial, newKeyMaterial } from '#harness/kms/index.ts';
import { ExpectationFailure, expectClientError, type SpecContext } from '#harness/spec/index.ts';
import { currentOf, pendingOf, rules, stateOf, type MaterialKey, type MaterialModel, type ModelMaterial, type Outcome } from './model.ts';

export interface MaterialReal {
  kms: SpecContext;
}

export type MaterialCommand = fc.AsyncCommand<MaterialModel, MaterialReal>;

function isServiceAnswer(e: unknown): e is { name: string; message: string; $metadata: { httpStatusCode?: number } } {
  return typeof e === 'object' && e !== null && '$metadata' in e;
}

/** Sends `call`, which must succeed or be refused as `outcome` says; the call's result when it succeeded. */
async function answer<T>(label: string, outcome: Outcome, call: () => Promise<T>): Promise<T | undefined> {
  if (!outcome.ok) {
    await expectClientError(call(), { codes: outcome.codes, status: 400 }).catch((e: unknown) => {
      throw e instanceof ExpectationFailure ? new ExpectationFailure(`${label}: ${e.message}`, e.expected, e.actual) : e;
    });
    return undefined;
  }
  return call().catch((e: unknown) => {
    if (!isServiceAnswer(e)) throw e;
    throw new ExpectationFailure(`${label}: expected success but got ${e.name} (HTTP ${e.$metadata.httpStatusCode}): ${e.message}`, 'success', { code: e.name, status: e.$metadata.httpStatusCode });
  });
}

async function describe(r: MaterialReal, k: MaterialKey): Promise<KeyMetadata> {
  return (await r.kms.primary.send(new DescribeKeyCommand({ KeyId: k.keyId }))).KeyMetadata!;
}

/** DescribeKey must show the model's state and current material. */
async function verify(r: MaterialReal, k: MaterialKey, label: string): Promise<void> {
  const md = await describe(r, k);
  const expected = { KeyState: stateOf(k), CurrentKeyMaterialId: currentOf(k).id };
  const actual = { KeyState: md.KeyState, CurrentKeyMaterialId: md.CurrentKeyMaterialId };
  if (actual.KeyState !== expected.KeyState || actual.CurrentKeyMaterialId !== expected.CurrentKeyMaterialId) {
    throw new ExpectationFailure(`after ${label}: DescribeKey reports KeyState ${actual.KeyState} and CurrentKeyMaterialId ${actual.CurrentKeyMaterialId}; the material rules expect ${expected.KeyState} and ${expected.CurrentKeyMaterialId}`, expected, actual);
  }
}

abstract class KeyCommand implements MaterialCommand {
  constructor(readonly key: 1 | 2) {}
  check(m: Readonly<MaterialModel>): boolean {
    return this.appliesTo(m.keys[this.key - 1]!);
  }
  protected appliesTo(_k: Readonly<MaterialKey>): boolean {
    return true;
  }
  protected get name(): string {
    return `k${this.key}`;
  }
  async run(m: MaterialModel, r: MaterialReal): Promise<void> {
    const k = m.keys[this.key - 1]!;
    await this.act(k, r);
    await verify(r, k, this.toString());
  }
  protected abstract act(k: MaterialKey, r: MaterialReal): Promise<void>;
  abstract toString(): string;
}

/** Encrypt: a ciphertext under the current material, kept for every later DecryptAll. */
class EncryptStep extends KeyCommand {
  protected async act(k: MaterialKey, r: MaterialReal): Promise<void> {
    const plaintext = randomBytes(16);
    const out = await answer(this.toString(), rules.encrypt(k), () => r.kms.primary.send(new EncryptCommand({ KeyId: k.keyId, Plaintext: plaintext })));
    if (out) k.ciphertexts.push({ blob: out.CiphertextBlob!, plaintext, materialId: currentOf(k).id });
  }
  toString(): string {
    return `Encrypt(${this.name})`;
  }
}

/** Decrypt of every ciphertext the key ever made: each decrypts, with its own material, exactly while the key is Enabled. */
class DecryptAllStep extends KeyCommand {
  protected override appliesTo(k: Readonly<MaterialKey>): boolean {
    return k.ciphertexts.length > 0;
  }
  protected async act(k: MaterialKey, r: MaterialReal): Promise<void> {
    for (const [i, c] of k.ciphertexts.entries()) {
      const label = `${this.toString()} #${i + 1} (material ${c.materialId.slice(0, 8)}…)`;
      const out = await answer(label, rules.encrypt(k), () => r.kms.primary.send(new DecryptCommand({ KeyId: k.keyId, CiphertextBlob: c.blob })));
      if (!out) continue;
      if (!Buffer.from(out.Plaintext ?? []).equals(c.plaintext)) throw new ExpectationFailure(`${label}: Decrypt returned other bytes than were encrypted`, c.plaintext.toString('hex'), Buffer.from(out.Plaintext ?? []).toString('hex'));
      if (out.KeyMaterialId !== c.materialId) throw new ExpectationFailure(`${label}: Decrypt names material ${out.KeyMaterialId}, not the one that was current when it was made`, c.materialId, out.KeyMaterialId);
    }
  }
  toString(): string {
    return `DecryptAll(${this.name})`;
  }
}

/** RotateKeyOnDemand: fresh material (AWS_KMS) or the pending one (EXTERNAL) becomes current. */
class RotateStep extends KeyCommand {
  protected async act(k: MaterialKey, r: MaterialReal): Promise<void> {
    const outcome = rules.rotate(k);
    const before = currentOf(k).id;
    const out = await answer(this.toString(), outcome, () => r.kms.primary.send(new RotateKeyOnDemandCommand({ KeyId: k.keyId })));
    if (!out) return;
    // The rotation completes asynchronously on AWS: wait, boundedly, for the current material to change.
    const md = await eventually(() => describe(r, k), { until: (m) => m.CurrentKeyMaterialId !== before, timeoutMs: asyncWaitMs(r.kms.primary), intervalMs: asyncWaitMs(r.kms.primary, 2_000, 100) });
    const next = pendingOf(k) ?? { id: md.CurrentKeyMaterialId ?? '(none)', status: 'CURRENT' as const, present: true };
    currentOf(k).status = 'NON_CURRENT';
    next.status = 'CURRENT';
    if (!k.materials.includes(next)) k.materials.push(next);
    k.onDemandRotations++;
  }
  toString(): string {
    return `RotateKeyOnDemand(${this.name})`;
  }
}

/** ImportKeyMaterial with ImportType NEW_KEY_MATERIAL: a material pending rotation (k1, Enabled). */
class ImportNewStep extends KeyCommand {
  protected override appliesTo(k: Readonly<MaterialKey>): boolean {
    // Into a PendingImport key AWS's answer is not known.
    return k.origin === 'EXTERNAL' && stateOf(k as MaterialKey) === 'Enabled';
  }
  protected async act(k: MaterialKey, r: MaterialReal): Promise<void> {
    const bytes = newKeyMaterial();
    const out = await answer(this.toString(), rules.importNew(k), () => importKeyMaterial(r.kms.primary, k.keyId, bytes, { importType: 'NEW_KEY_MATERIAL' }));
    if (!out) return;
    const id = out.response.KeyMaterialId;
    if (!id) throw new ExpectationFailure(`${this.toString()}: ImportKeyMaterial answered no KeyMaterialId`, 'a KeyMaterialId', out.response);
    k.materials.push({ id, status: 'PENDING_ROTATION', present: true, bytes });
  }
  toString(): string {
    return `ImportKeyMaterial(${this.name}, NEW_KEY_MATERIAL)`;
  }
}

/** The key's permanently bound materials that are present (deletable) or absent (reimportable). */
const bound = (k: Readonly<MaterialKey>, present: boolean): ModelMaterial[] => k.materials.filter((m) => m.status !== 'PENDING_ROTATION' && m.present === present);

/** DeleteImportedKeyMaterial with the KeyMaterialId of a present material, current or not: the key is PendingImport until it is back (REQ-D9). */
class DeleteMaterialStep extends KeyCommand {
  constructor(key: 1 | 2, readonly which: number) {
    super(key);
  }
  protected override appliesTo(k: Readonly<MaterialKey>): boolean {
    return k.origin === 'EXTERNAL' && bound(k, true).length > 0;
  }
  private target(k: MaterialKey): ModelMaterial {
    const candidates = bound(k, true);
    return candidates[this.which % candidates.length]!;
  }
  protected async act(k: MaterialKey, r: MaterialReal): Promise<void> {
    const m = this.target(k);
    const out = await answer(this.toString(), { ok: true }, () => r.kms.primary.send(new DeleteImportedKeyMaterialCommand({ KeyId: k.keyId, KeyMaterialId: m.id })));
    if (out?.KeyMaterialId !== undefined && out.KeyMaterialId !== m.id) throw new ExpectationFailure(`${this.toString()}: the answer names material ${out.KeyMaterialId}`, m.id, out.KeyMaterialId);
    m.present = false;
  }
  toString(): string {
    return `DeleteImportedKeyMaterial(${this.name}, bound material #${this.which})`;
  }
}

/** ImportKeyMaterial of a deleted material again (EXISTING_KEY_MATERIAL with its KeyMaterialId, REQ-I14, REQ-I15). */
class ReimportStep extends KeyCommand {
  constructor(key: 1 | 2, readonly which: number) {
    super(key);
  }
  protected override appliesTo(k: Readonly<MaterialKey>): boolean {
    return k.origin === 'EXTERNAL' && bound(k, false).length > 0;
  }
  protected async act(k: MaterialKey, r: MaterialReal): Promise<void> {
    const candidates = bound(k, false);
    const m = candidates[this.which % candidates.length]!;
    await answer(this.toString(), { ok: true }, () => importKeyMaterial(r.kms.primary, k.keyId, m.bytes!, { importType: 'EXISTING_KEY_MATERIAL', keyMaterialId: m.id }));
    m.present = true;
  }
  toString(): string {
    return `ImportKeyMaterial(${this.name}, EXISTING_KEY_MATERIAL, deleted material #${this.which})`;
  }
}

/** The commands as fast-check arbitraries; k1 (imported material) is drawn more often, being the subject. */
export function materialCommands(): fc.Arbitrary<MaterialCommand>[] {
  const key = fc.oneof({ arbitrary: fc.constant(1 as const), weight: 3 }, { arbitrary: fc.constant(2 as const), weight: 1 });
  const which = fc.nat({ max: 7 });
  return [
    key.map((k) => new EncryptStep(k)),
    key.map((k) => new EncryptStep(k)),
    key.map((k) => new DecryptAllStep(k)),
    key.map((k) => new RotateStep(k)),
    // Rotating k1 after an import of new material is what gives it a non-current material to delete.
    fc.constant(new RotateStep(1)),
    fc.constant(new ImportNewStep(1)),
    fc.constant(new ImportNewStep(1)),
    which.map((w) => new DeleteMaterialStep(1, w)),
    which.map((w) => new ReimportStep(1, w)),
  ];
}
