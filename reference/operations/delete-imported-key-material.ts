/**
 * @module reference/operations/delete-imported-key-material
 * DeleteImportedKeyMaterial: deletes the current material, or the one KeyMaterialId names (ground
 * truth c.7); the key becomes PendingImport unless it is pending deletion.
 */
import { kmsError } from '../errors.ts';
import { deleteMaterial } from '../model/material-lifecycle.ts';
import { defineOperation } from './define.ts';
import { DELETE_MATERIAL } from './key-states.ts';

export const deleteImportedKeyMaterial = defineOperation({
  name: 'DeleteImportedKeyMaterial',
  keys: { states: DELETE_MATERIAL, aliases: false, crossAccount: false, origins: ['EXTERNAL'] },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    const wanted = input.KeyMaterialId;
    // Without KeyMaterialId the current material is deleted (REQ-D9).
    const target = wanted === undefined ? key.materials.find((m) => m.state === 'CURRENT') : key.materials.find((m) => m.id === wanted);
    if (wanted !== undefined && !target) {
      // AWS's answer for an id not associated with the key is not known (ground truth c.10#5).
      throw kmsError('NotFoundException', `Key material ${wanted} is not associated with ${key.arn}.`);
    }
    // A key that never had material is left as it is: "No effect" (REQ-D4).
    if (!target) return { KeyId: key.arn };
    deleteMaterial(key, target);
    return { KeyId: key.arn, KeyMaterialId: target.id };
  },
});
