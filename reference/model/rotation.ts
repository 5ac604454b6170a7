/**
 * @module reference/model/rotation
 * Key rotation (ground truth: key-management §1): a rotation makes new material current and keeps
 * the old as NON_CURRENT, so ciphertext under it still decrypts (the blob names its material).
 * AWS_KMS keys get fresh material; EXTERNAL keys make current the material imported with
 * ImportType NEW_KEY_MATERIAL. Automatic rotation is applied by the clock when a key is settled.
 */
import { randomBytes } from 'node:crypto';
import type { RotationType } from '../api/kms-api.generated.ts';
import type { KmsKey } from './key.ts';
import { materialIdFor, type KeyMaterial } from './key-material.ts';

export const DAY_MS = 86_400_000;
export const DEFAULT_ROTATION_DAYS = 365;
/** AWS's quota of on-demand rotations per key (resource limits page: 25, not adjustable). */
export const ON_DEMAND_ROTATION_LIMIT = 25;
/** RotateKeyOnDemand is refused while an automatic rotation is due this soon (ConflictException doc). */
export const CONFLICT_WINDOW_MS = 20 * 60_000;

/** Makes `next` the key's current material; the current one becomes NON_CURRENT. */
export function makeCurrent(key: KmsKey, next: KeyMaterial, type: RotationType, at: Date): void {
  for (const m of key.materials) if (m.state === 'CURRENT') m.state = 'NON_CURRENT';
  next.state = 'CURRENT';
  next.rotationDate = at;
  next.rotationType = type;
  if (!key.materials.includes(next)) key.materials.push(next);
}

/** A rotation of an AWS_KMS key: fresh 256-bit material. */
export function rotateGenerated(key: KmsKey, type: RotationType, at: Date, random: (n: number) => Buffer = randomBytes): KeyMaterial {
  const bytes = random(32);
  const material: KeyMaterial = { id: materialIdFor(key.keyId, bytes), bytes, state: 'CURRENT' };
  makeCurrent(key, material, type, at);
  return material;
}

/**
 * What time has done to automatic rotation: an Enabled key whose rotation is due rotates once, and
 * its next rotation is a period from then. A disabled key does not rotate; once enabled again, an
 * overdue rotation happens at once (Developer Guide, rotating keys).
 */
export function settleRotation(key: KmsKey, now: Date): void {
  const r = key.rotation;
  if (!r?.enabled || !r.nextRotation || key.state !== 'Enabled' || r.nextRotation > now) return;
  rotateGenerated(key, 'AUTOMATIC', r.nextRotation);
  r.nextRotation = new Date(now.getTime() + r.periodDays * DAY_MS);
}
