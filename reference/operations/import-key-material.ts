/**
 * @module reference/operations/import-key-material
 * ImportKeyMaterial: the first import enables a key (REQ-I1); reimporting the same material restores
 * it (REQ-I8…I10); NEW_KEY_MATERIAL adds a material pending rotation (2025, REQ-I11…I14).
 */
import { kmsError, messages } from '../errors.ts';
import { materialIdFor, type KeyMaterial } from '../model/key-material.ts';
import { allMaterialsPresent } from '../model/material-lifecycle.ts';
import { isReplica, primaryOf } from '../model/multi-region.ts';
import { defineOperation } from './define.ts';
import { expiration, importedBytes } from './import-steps.ts';
import { IMPORT_MATERIAL } from './key-states.ts';

export const importKeyMaterial = defineOperation({
  name: 'ImportKeyMaterial',
  keys: { states: IMPORT_MATERIAL, aliases: false, crossAccount: false, origins: ['EXTERNAL'] },
  async handle(input, { ctx, keys }) {
    const key = keys.require(input.KeyId);
    const exp = expiration(input, ctx.now());
    const importType = input.ImportType ?? (key.materials.length === 0 ? 'NEW_KEY_MATERIAL' : 'EXISTING_KEY_MATERIAL');
    if (importType === 'NEW_KEY_MATERIAL' && input.KeyMaterialId !== undefined) {
      throw kmsError('ValidationException', 'KeyMaterialId cannot be given when ImportType is NEW_KEY_MATERIAL.');
    }
    // Asymmetric and HMAC keys keep the material of their first import (ImportKeyMaterial docs,
    // CRY-133); AWS's answer to a second, different material is not known.
    if (key.keySpec !== 'SYMMETRIC_DEFAULT' && importType === 'NEW_KEY_MATERIAL' && key.materials.length > 0) {
      throw kmsError('UnsupportedOperationException', `${key.arn} is not a symmetric encryption key: its key material cannot be changed after the first import.`);
    }
    const bytes = importedBytes(ctx, key, input);
    const id = materialIdFor(key.keyId, bytes);
    const settings = { importState: 'IMPORTED' as const, expirationModel: exp.model, ...(exp.validTo && { validTo: exp.validTo }) };
    const description = input.KeyMaterialDescription;

    // A replica's first material is its primary's current one, imported again (ReplicateKey docs, MGT-129).
    if (isReplica(key) && key.materials.length === 0) {
      const primaryCurrent = primaryOf(ctx.store, key).materials.find((m) => m.state === 'CURRENT');
      if (primaryCurrent?.id !== id || (input.KeyMaterialId !== undefined && input.KeyMaterialId !== id)) {
        throw kmsError('IncorrectKeyMaterialException', `The key material is not the current material of the primary key of ${key.arn}.`);
      }
      key.materials.push({ id, bytes, state: 'CURRENT', ...settings, ...(description !== undefined && { description }) });
      if (key.state === 'PendingImport') key.state = 'Enabled';
      return { KeyId: key.arn, KeyMaterialId: id };
    }

    if (importType === 'EXISTING_KEY_MATERIAL') {
      const existing = key.materials.find((m) => m.id === id);
      // Different material, or an id that does not match it (REQ-I10, REQ-I14).
      if (!existing || (input.KeyMaterialId !== undefined && input.KeyMaterialId !== id)) {
        throw kmsError('IncorrectKeyMaterialException', `The key material is not the material associated with ${key.arn}.`);
      }
      Object.assign(existing, { bytes, ...settings });
      if (description !== undefined) existing.description = description;
      if (key.state === 'PendingImport' && allMaterialsPresent(key)) key.state = 'Enabled';
      return { KeyId: key.arn, KeyMaterialId: existing.id };
    }

    if (key.materials.some((m) => m.id === id)) {
      throw kmsError('IncorrectKeyMaterialException', `This key material is already associated with ${key.arn}.`);
    }
    const material: KeyMaterial = { id, bytes, state: key.materials.length === 0 ? 'CURRENT' : 'PENDING_ROTATION', ...settings };
    if (description !== undefined) material.description = description;
    if (material.state === 'PENDING_ROTATION') {
      const pending = key.materials.find((m) => m.state === 'PENDING_ROTATION');
      if (pending) throw kmsError('KMSInvalidStateException', messages.anotherMaterialPending(id, key.arn, pending.id));
    }
    key.materials.push(material);
    if (key.state === 'PendingImport' && allMaterialsPresent(key)) key.state = 'Enabled';
    return { KeyId: key.arn, KeyMaterialId: id };
  },
});
