/**
 * @module reference/faults/behaviour
 * Faults that replace an operation's definition: a looser key policy, or a handler that does
 * something else before or after the faithful one. Each takes the operation list and gives a new
 * one; the faithful definitions are not changed.
 */
import type { OperationName } from '../api/kms-api.generated.ts';
import { KmsError } from '../errors.ts';
import { keyArn, parseArn } from '../model/arn.ts';
import { materialIdFor } from '../model/key-material.ts';
import { allMaterialsPresent } from '../model/material-lifecycle.ts';
import type { KeyGate, KeyPolicy, OperationDefinition } from '../operations/define.ts';
import { expiration, importedBytes } from '../operations/import-steps.ts';
import { NOT_IMPLEMENTED, type OperationList } from '../operations/index.ts';
import { REFUSE } from '../operations/key-states.ts';
import type { FaultName } from './catalogue.ts';

type KeyDefinition<Op extends OperationName> = OperationDefinition<Op, KeyPolicy> & { readonly keys: KeyPolicy };

/** The definition of a key-taking operation in `list`; the faults below only touch those. */
function keyDefinition<Op extends OperationName>(list: OperationList, op: Op): KeyDefinition<Op> {
  const def = list[op];
  if (def === NOT_IMPLEMENTED || !def.keys) throw new Error(`fault target ${op} is not a key-taking operation of the reference`);
  return def as KeyDefinition<Op>;
}

/** `list` with `op`'s definition replaced by what `change` makes of it. */
function replace<Op extends OperationName>(list: OperationList, op: Op, change: (def: KeyDefinition<Op>) => KeyDefinition<Op>): OperationList {
  return { ...list, [op]: change(keyDefinition(list, op)) };
}

const withPolicy = <Op extends OperationName>(def: KeyDefinition<Op>, policy: Partial<KeyPolicy>): KeyDefinition<Op> => ({
  ...def,
  keys: { ...def.keys, ...policy } as KeyPolicy,
});

const IMPORT_OPERATIONS = ['GetParametersForImport', 'ImportKeyMaterial', 'DeleteImportedKeyMaterial'] as const;
const DAY_MS = 86_400_000;

/** A gate that reads another account's key ARN as the caller's own key of that id. */
function sameAccountGate(keys: KeyGate, accountId: string): KeyGate {
  const own = (id: string) => {
    const arn = parseArn(id);
    return arn?.resource === 'key' && arn.account !== accountId ? keyArn(arn.partition, arn.region, accountId, arn.id) : id;
  };
  return { require: (id, use) => keys.require(own(id), use), resolve: (id) => keys.resolve(own(id)), used: () => keys.used() };
}

type BehaviourFault = (list: OperationList) => OperationList;

export const BEHAVIOUR_FAULTS: Partial<Record<FaultName, BehaviourFault>> = {
  'accept-alias': (list) => IMPORT_OPERATIONS.reduce((l, op) => replace(l, op, (d) => withPolicy(d, { aliases: true })), list),
  'skip-origin-check': (list) => replace(list, 'DeleteImportedKeyMaterial', (d) => withPolicy(d, { origins: undefined })),
  'refuse-pending-deletion': (list) =>
    replace(list, 'DeleteImportedKeyMaterial', (d) => withPolicy(d, { states: { ...d.keys.states, PendingDeletion: REFUSE.pendingDeletion } })),
  'refuse-pending-import': (list) =>
    replace(list, 'DeleteImportedKeyMaterial', (d) => withPolicy(d, { states: { ...d.keys.states, PendingImport: REFUSE.pendingImport } })),

  'pending-deletion-to-pending-import': (list) =>
    replace(list, 'DeleteImportedKeyMaterial', (d) => ({
      ...d,
      async handle(input, call) {
        const key = call.keys.require(input.KeyId);
        const wasPendingDeletion = key.state === 'PendingDeletion';
        const out = await d.handle(input, call);
        const deleted = key.materials.find((m) => m.id === out.KeyMaterialId);
        if (wasPendingDeletion && deleted && !deleted.bytes) key.state = 'PendingImport';
        return out;
      },
    })),
  'stay-enabled-after-delete': (list) =>
    replace(list, 'DeleteImportedKeyMaterial', (d) => ({
      ...d,
      async handle(input, call) {
        const key = call.keys.require(input.KeyId);
        const before = key.state;
        const out = await d.handle(input, call);
        key.state = before;
        return out;
      },
    })),
  'empty-delete-response': (list) =>
    replace(list, 'DeleteImportedKeyMaterial', (d) => ({
      ...d,
      async handle(input, call) {
        await d.handle(input, call);
        return {};
      },
    })),

  'ignore-arn-account': (list) => {
    const out: Record<string, unknown> = { ...list };
    for (const [op, def] of Object.entries(list)) {
      if (def === NOT_IMPLEMENTED || !def.keys) continue;
      const keyed = def as KeyDefinition<OperationName>;
      out[op] = { ...keyed, handle: (input: never, call: { ctx: { accountId: string }; keys: KeyGate }) => keyed.handle(input, { ...call, keys: sameAccountGate(call.keys, call.ctx.accountId) } as never) };
    }
    return out as OperationList;
  },

  'unbound-import-token': (list) =>
    replace(list, 'ImportKeyMaterial', (d) => ({
      ...d,
      async handle(input, call) {
        const key = call.keys.require(input.KeyId);
        const params = call.ctx.region.importTokens.get(input.ImportToken.toString('hex'));
        if (params) params.keyArn = key.arn;
        return d.handle(input, call);
      },
    })),
  'ignore-expiration-model': (list) =>
    replace(list, 'ImportKeyMaterial', (d) => ({
      ...d,
      handle: (input, call) => d.handle(input.ValidTo === undefined ? { ...input, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' } : input, call),
    })),
  'accept-different-material': (list) =>
    replace(list, 'ImportKeyMaterial', (d) => ({
      ...d,
      async handle(input, call) {
        try {
          return await d.handle(input, call);
        } catch (e) {
          // Different material for an existing key: the first material is replaced by it.
          const key = call.keys.require(input.KeyId);
          const first = key.materials[0];
          const reimport = (input.ImportType ?? 'EXISTING_KEY_MATERIAL') === 'EXISTING_KEY_MATERIAL';
          if (!(e instanceof KmsError) || e.name !== 'IncorrectKeyMaterialException' || !first || !reimport) throw e;
          const bytes = importedBytes(call.ctx, key, input);
          const exp = expiration(input, call.ctx.now());
          Object.assign(first, { id: materialIdFor(key.keyId, bytes), bytes, importState: 'IMPORTED', expirationModel: exp.model, validTo: exp.validTo });
          if (key.state === 'PendingImport' && allMaterialsPresent(key)) key.state = 'Enabled';
          return { KeyId: key.arn, KeyMaterialId: first.id };
        }
      },
    })),
  'long-import-parameters': (list) =>
    replace(list, 'GetParametersForImport', (d) => ({
      ...d,
      async handle(input, call) {
        const out = await d.handle(input, call);
        const params = out.ImportToken && call.ctx.region.importTokens.get(out.ImportToken.toString('hex'));
        if (!params) return out;
        params.validTo = new Date(call.ctx.now().getTime() + 100 * DAY_MS);
        return { ...out, ParametersValidTo: params.validTo };
      },
    })),
};
