/**
 * Key materials, model-based: fast-check draws sequences of Encrypt, Decrypt of every ciphertext
 * made so far, RotateKeyOnDemand, ImportKeyMaterial with NEW_KEY_MATERIAL, DeleteImportedKeyMaterial
 * with the KeyMaterialId of a current or a non-current material, and reimport of a deleted material,
 * over k1 (EXTERNAL, its first material imported) and k2 (AWS_KMS). After every call the target must
 * answer as the model's rules say (properties/materials/model.ts) and DescribeKey must show the
 * state and current material the model holds; every ciphertext ever made decrypts, under its own
 * material, exactly when the key has all its materials.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
 */
import fc from 'fast-check';
import { createExternalKey, createKmsKey, importKeyMaterial, newKeyMaterial } from '#harness/kms/index.ts';
import { DEV_GUIDE, precondition, requirement } from '#harness/spec/index.ts';
import { assertProperty, propertyParams, PROPERTY_TEST_TIMEOUT_MS } from '#harness/spec/property.ts';
import { materialCommands, type MaterialReal } from './materials/commands.ts';
import type { MaterialModel } from './materials/model.ts';

requirement(
  {
    id: 'MODEL-02',
    statement: 'Any sequence of rotations, imports of new material, deletions and reimports by KeyMaterialId gets the documented answers, and every ciphertext ever made decrypts under its own material exactly when the key has all its materials',
    operation: 'RotateKeyOnDemand',
    source: {
      url: `${DEV_GUIDE}/rotate-keys.html`,
      section: 'On-demand rotation, rotating imported key material',
      groundTruth: 'MGT-010…MGT-019, MGT-032, REQ-I11…I15, REQ-D1, REQ-D7, REQ-D9',
    },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const params = propertyParams(kms);
    const setup = async () => {
      const external = await createExternalKey(kms.primary, 'MODEL-02 k1 (imported material)');
      const bytes = newKeyMaterial();
      const { response } = await importKeyMaterial(kms.primary, external.KeyId!, bytes);
      precondition(response.KeyMaterialId !== undefined, 'IKM-01', 'ImportKeyMaterial answered no KeyMaterialId, which this check follows materials by');
      const generated = await createKmsKey(kms.primary, 'MODEL-02 k2 (AWS_KMS)');
      precondition(generated.CurrentKeyMaterialId !== undefined, 'KEY-02', 'CreateKey answered no CurrentKeyMaterialId, which this check follows materials by');
      const model: MaterialModel = {
        keys: [
          { origin: 'EXTERNAL', keyId: external.KeyId!, materials: [{ id: response.KeyMaterialId, status: 'CURRENT', present: true, bytes }], onDemandRotations: 0, ciphertexts: [] },
          { origin: 'AWS_KMS', keyId: generated.KeyId!, materials: [{ id: generated.CurrentKeyMaterialId, status: 'CURRENT', present: true }], onDemandRotations: 0, ciphertexts: [] },
        ],
      };
      const real: MaterialReal = { kms };
      return { model, real };
    };
    await assertProperty(kms, fc.commands(materialCommands(), params.commands), (commands) => fc.asyncModelRun(setup, commands), params, { setup: 'k1 = CreateKey(EXTERNAL) with material imported; k2 = CreateKey(AWS_KMS)' });
  },
  { timeout: PROPERTY_TEST_TIMEOUT_MS },
);
