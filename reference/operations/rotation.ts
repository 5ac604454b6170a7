/**
 * @module reference/operations/rotation
 * EnableKeyRotation, DisableKeyRotation, GetKeyRotationStatus, RotateKeyOnDemand and
 * ListKeyRotations (ground truth: key-management §1, MGT-001…MGT-034). Rotations complete at once,
 * so OnDemandRotationStartDate is never reported (AWS removes it when a rotation completes).
 */
import type { RotationsListEntry } from '../api/kms-api.generated.ts';
import { kmsError, messages } from '../errors.ts';
import type { KmsKey } from '../model/key.ts';
import type { KeyMaterial } from '../model/key-material.ts';
import { isReplica, primaryOf } from '../model/multi-region.ts';
import { CONFLICT_WINDOW_MS, DAY_MS, DEFAULT_ROTATION_DAYS, makeCurrent, ON_DEMAND_ROTATION_LIMIT, rotateGenerated } from '../model/rotation.ts';
import { defineOperation } from './define.ts';
import { ANY_STATE, ROTATE_ON_DEMAND, ROTATION_SETTINGS } from './key-states.ts';
import { pageMembers, paginate } from './pagination.ts';

/**
 * Only symmetric encryption keys rotate. AWS answers an RSA key with an empty-message
 * UnsupportedOperationException (recorded, MGT-015, MGT-021); HMAC keys are documented likewise.
 */
function requireRotatable(key: KmsKey): void {
  if (key.keySpec !== 'SYMMETRIC_DEFAULT') throw kmsError('UnsupportedOperationException', '');
}

/**
 * A multi-Region family's rotation is managed on its primary (shared property, MGT-132; RotateKeyOnDemand
 * docs). AWS's answer on a replica is not known; the reference uses the recorded primary-key text.
 */
function requireNotReplica(key: KmsKey): void {
  if (isReplica(key)) throw kmsError('UnsupportedOperationException', messages.notMultiRegionPrimary(key.arn));
}

export const enableKeyRotation = defineOperation({
  name: 'EnableKeyRotation',
  // Automatic rotation is for KMS-generated material only: EXTERNAL keys answer footnote [6] (MGT-022).
  keys: { states: ROTATION_SETTINGS, aliases: false, crossAccount: false, origins: ['AWS_KMS'] },
  async handle(input, { ctx, keys }) {
    const key = keys.require(input.KeyId);
    requireRotatable(key);
    requireNotReplica(key);
    const now = ctx.now();
    const r = key.rotation;
    const periodDays = input.RotationPeriodInDays ?? (r?.enabled ? r.periodDays : DEFAULT_ROTATION_DAYS);
    // A new period counts from the last rotation (or from now, when rotation is switched on).
    const since = r?.enabled ? (lastRotation(key) ?? now) : now;
    key.rotation = { enabled: true, periodDays, nextRotation: new Date(Math.max(since.getTime() + periodDays * DAY_MS, now.getTime())) };
  },
});

export const disableKeyRotation = defineOperation({
  name: 'DisableKeyRotation',
  keys: { states: ROTATION_SETTINGS, aliases: false, crossAccount: false, origins: ['AWS_KMS'] },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    requireRotatable(key);
    requireNotReplica(key);
    if (key.rotation) {
      key.rotation.enabled = false;
      delete key.rotation.nextRotation;
    }
  },
});

export const getKeyRotationStatus = defineOperation({
  name: 'GetKeyRotationStatus',
  keys: { states: ANY_STATE, aliases: false, crossAccount: true },
  async handle(input, { ctx, keys }) {
    const key = keys.require(input.KeyId);
    // A key pending deletion reports rotation off, and gets its setting back when the deletion is
    // cancelled (GetKeyRotationStatus docs; MGT-024). Asymmetric, HMAC and EXTERNAL keys report off:
    // for EXTERNAL keys since on-demand rotation (2025) AWS's answer is not known (MGT-022, MGT-025).
    // A replica reports its family's setting, which its primary holds.
    const r = primaryOf(ctx.store, key).rotation;
    const on = r?.enabled === true && key.state !== 'PendingDeletion' && key.state !== 'PendingReplicaDeletion';
    if (!on) return { KeyId: key.arn, KeyRotationEnabled: false };
    return { KeyId: key.arn, KeyRotationEnabled: true, RotationPeriodInDays: r.periodDays, ...(r.nextRotation && { NextRotationDate: r.nextRotation }) };
  },
});

export const rotateKeyOnDemand = defineOperation({
  name: 'RotateKeyOnDemand',
  keys: { states: ROTATE_ON_DEMAND, aliases: false, crossAccount: false, origins: ['AWS_KMS', 'EXTERNAL'] },
  async handle(input, { ctx, keys }) {
    // Recorded order: existence, key state, key type, pending material, quota (key-management §8).
    const key = keys.require(input.KeyId);
    requireRotatable(key);
    requireNotReplica(key);
    const pending = key.materials.find((m) => m.state === 'PENDING_ROTATION');
    if (key.origin === 'EXTERNAL' && !pending) throw kmsError('KMSInvalidStateException', messages.noPendingMaterial(key.arn));
    if ((key.onDemandRotations ?? 0) >= ON_DEMAND_ROTATION_LIMIT) throw kmsError('LimitExceededException', messages.rotationLimit(key.arn));
    const now = ctx.now();
    const due = key.rotation?.enabled ? key.rotation.nextRotation : undefined;
    if (due && due.getTime() - now.getTime() < CONFLICT_WINDOW_MS) {
      throw kmsError('ConflictException', `An automatic rotation of ${key.arn} is scheduled to begin within 20 minutes.`);
    }
    // On-demand rotations leave the automatic schedule as it is (MGT-009).
    if (pending) makeCurrent(key, pending, 'ON_DEMAND', now);
    else rotateGenerated(key, 'ON_DEMAND', now, ctx.randomBytes);
    key.onDemandRotations = (key.onDemandRotations ?? 0) + 1;
    return { KeyId: key.arn };
  },
});

function lastRotation(key: KmsKey): Date | undefined {
  return key.materials.map((m) => m.rotationDate).filter((d): d is Date => d !== undefined).sort((a, b) => b.getTime() - a.getTime())[0];
}

function entry(key: KmsKey, m: KeyMaterial): RotationsListEntry {
  const external = key.origin === 'EXTERNAL';
  return {
    KeyId: key.arn,
    KeyMaterialId: m.id,
    ...(external && m.description !== undefined && { KeyMaterialDescription: m.description }),
    ...(external && { ImportState: m.importState ?? (m.bytes ? 'IMPORTED' : 'PENDING_IMPORT') }),
    KeyMaterialState: m.state,
    ...(external && m.expirationModel && { ExpirationModel: m.expirationModel }),
    ...(external && m.expirationModel === 'KEY_MATERIAL_EXPIRES' && m.validTo && { ValidTo: m.validTo }),
    ...(m.rotationDate && { RotationDate: m.rotationDate }),
    ...(m.rotationType && { RotationType: m.rotationType }),
  };
}

export const listKeyRotations = defineOperation({
  name: 'ListKeyRotations',
  keys: { states: ANY_STATE, aliases: false, crossAccount: false },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    // "Only … KMS keys that support automatic or on-demand key rotation" (model; text not known, MGT-030).
    if (key.keySpec !== 'SYMMETRIC_DEFAULT' || (key.origin !== 'AWS_KMS' && key.origin !== 'EXTERNAL')) {
      throw kmsError('UnsupportedOperationException', `${key.arn} does not support key rotation.`);
    }
    // ROTATIONS_ONLY (the default): materials a rotation made current; ALL_KEY_MATERIAL adds the first
    // material and any pending one (ListKeyRotations docs, MGT-027, MGT-028). Oldest first.
    const all = input.IncludeKeyMaterial === 'ALL_KEY_MATERIAL' ? key.materials : key.materials.filter((m) => m.rotationType !== undefined);
    const page = paginate(all, input.Limit, input.Marker, 100);
    return { Rotations: page.items.map((m) => entry(key, m)), ...pageMembers(page) };
  },
});
