/**
 * @module reference/operations/material-lifecycle
 * What happens to a key when one of its materials is deleted (by DeleteImportedKeyMaterial or by
 * expiry): the ground truth's REQ-D1…D4 and REQ-D13 in one function.
 */
import type { KmsKey } from '../model/key.ts';
import type { KeyMaterial } from '../model/key-material.ts';
import type { FaultName } from '../faults.ts';

/**
 * Deletes `material` from `key`. A material pending rotation is not yet permanently associated, so it
 * is dropped entirely; any other material keeps its id (ciphertext refers to it) but loses its bytes
 * and its expiration settings. A key in PendingDeletion stays there (REQ-D3); otherwise the key
 * becomes PendingImport (REQ-D1, REQ-D2).
 */
export function deleteMaterial(key: KmsKey, material: KeyMaterial, faults: ReadonlySet<FaultName> = new Set()): void {
  if (material.state === 'PENDING_ROTATION') {
    key.materials = key.materials.filter((m) => m !== material);
    return;
  }
  material.bytes = undefined;
  material.importState = 'PENDING_IMPORT';
  delete material.expirationModel;
  delete material.validTo;
  if (faults.has('stay-enabled-after-delete')) return;
  if (key.state !== 'PendingDeletion' || faults.has('pending-deletion-to-pending-import')) key.state = 'PendingImport';
}

/** True when every permanently associated material is present again, so the key can be Enabled (REQ-I15). */
export function allMaterialsPresent(key: KmsKey): boolean {
  const permanent = key.materials.filter((m) => m.state !== 'PENDING_ROTATION');
  return permanent.length > 0 && permanent.every((m) => m.bytes !== undefined);
}
