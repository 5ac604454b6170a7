/**
 * @module reference/model/material-lifecycle
 * What happens to a key when one of its materials is deleted (by DeleteImportedKeyMaterial or by
 * expiry), and what time does to keys: the ground truth's REQ-D1…D4 and REQ-D13, and automatic rotation.
 */
import type { KmsKey } from './key.ts';
import type { KeyMaterial } from './key-material.ts';
import { isReplica, settleFamily } from './multi-region.ts';
import { settleRotation } from './rotation.ts';
import type { Store } from './store.ts';

/**
 * Deletes `material` from `key`. A material pending rotation is not yet permanently associated, so it
 * is dropped entirely; any other material keeps its id (ciphertext refers to it) but loses its bytes
 * and its expiration settings. A key in PendingDeletion stays there (REQ-D3); otherwise the key
 * becomes PendingImport (REQ-D1, REQ-D2).
 */
export function deleteMaterial(key: KmsKey, material: KeyMaterial): void {
  if (material.state === 'PENDING_ROTATION') {
    key.materials = key.materials.filter((m) => m !== material);
    return;
  }
  material.bytes = undefined;
  material.importState = 'PENDING_IMPORT';
  delete material.expirationModel;
  delete material.validTo;
  if (key.state !== 'PendingDeletion') key.state = 'PendingImport';
}

/** True when every permanently associated material is present again, so the key can be Enabled (REQ-I15). */
export function allMaterialsPresent(key: KmsKey): boolean {
  const permanent = key.materials.filter((m) => m.state !== 'PENDING_ROTATION');
  return permanent.length > 0 && permanent.every((m) => m.bytes !== undefined);
}

/**
 * Applies what time has done to a key: material whose ValidTo has passed is deleted, as if by
 * DeleteImportedKeyMaterial (REQ-D13); a key whose deletion date has passed is gone, with the aliases
 * that refer to it (ScheduleKeyDeletion documentation). Undefined when the key no longer exists.
 */
export function settle(store: Store, key: KmsKey, now: Date): KmsKey | undefined {
  settleFamily(store, key, now);
  if (key.state === 'PendingDeletion' && key.deletionDate && key.deletionDate <= now) {
    const region = store.region(key.accountId, key.region);
    region.keys.delete(key.keyId);
    for (const [name, alias] of region.aliases) if (alias.targetKeyId === key.keyId) region.aliases.delete(name);
    return undefined;
  }
  for (const m of key.materials) {
    if (m.bytes && m.expirationModel === 'KEY_MATERIAL_EXPIRES' && m.validTo && m.validTo <= now) deleteMaterial(key, m);
  }
  // A replica rotates with its primary: they share the material list (multi-region.ts).
  if (!isReplica(key)) settleRotation(key, now);
  return key;
}
