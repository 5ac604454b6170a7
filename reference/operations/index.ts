/**
 * @module reference/operations
 * The operation list: for every operation of AWS's model, the reference's definition of it, or
 * NOT_IMPLEMENTED. The record is keyed by the model's operation names, so an operation the model
 * gains (a botocore update) fails to compile until this list says what the reference does with it,
 * and a definition filed under another operation's name fails to compile too.
 */
import type { OperationName } from '../api/kms-api.generated.ts';
import { cancelKeyDeletion } from './cancel-key-deletion.ts';
import { createAlias } from './create-alias.ts';
import { createKey } from './create-key.ts';
import { decrypt } from './decrypt.ts';
import type { KeyPolicy, OperationDefinition } from './define.ts';
import { deleteAlias } from './delete-alias.ts';
import { deleteImportedKeyMaterial } from './delete-imported-key-material.ts';
import { describeKey } from './describe-key.ts';
import { disableKey } from './disable-key.ts';
import { enableKey } from './enable-key.ts';
import { encrypt } from './encrypt.ts';
import { generateDataKey } from './generate-data-key.ts';
import { getParametersForImport } from './get-parameters-for-import.ts';
import { importKeyMaterial } from './import-key-material.ts';
import { listAliases } from './list-aliases.ts';
import { listKeys } from './list-keys.ts';
import { listResourceTags } from './list-resource-tags.ts';
import { scheduleKeyDeletion } from './schedule-key-deletion.ts';
import { tagResource } from './tag-resource.ts';
import { untagResource } from './untag-resource.ts';
import { decapsulate, encapsulate } from './kem.ts';
import { deriveSharedSecret } from './derive-shared-secret.ts';
import { generateDataKeyPair, generateDataKeyPairWithoutPlaintext } from './generate-data-key-pair.ts';
import { generateDataKeyWithoutPlaintext } from './generate-data-key-without-plaintext.ts';
import { generateMac, verifyMac } from './mac.ts';
import { generateRandom } from './generate-random.ts';
import { getPublicKey } from './get-public-key.ts';
import { reEncrypt } from './re-encrypt.ts';
import { disableKeyRotation, enableKeyRotation, getKeyRotationStatus, listKeyRotations, rotateKeyOnDemand } from './rotation.ts';
import { sign } from './sign.ts';
import { verify } from './verify.ts';
import { getKeyLastUsage } from './get-key-last-usage.ts';
import { createGrant, listGrants, listRetirableGrants, retireGrant, revokeGrant } from './grants.ts';
import { getKeyPolicy, listKeyPolicies, putKeyPolicy } from './key-policies.ts';
import { updateAlias } from './update-alias.ts';
import { updateKeyDescription } from './update-key-description.ts';
import { replicateKey, updatePrimaryRegion } from './multi-region.ts';
import { connectCustomKeyStore, createCustomKeyStore, deleteCustomKeyStore, describeCustomKeyStores, disconnectCustomKeyStore, updateCustomKeyStore } from './custom-key-stores.ts';

/** An operation of the model the reference does not implement (yet): answered UnknownOperationException. */
export const NOT_IMPLEMENTED = 'not-implemented' as const;

export type OperationList = { readonly [Op in OperationName]: OperationDefinition<Op, KeyPolicy | undefined> | typeof NOT_IMPLEMENTED };

export const OPERATION_LIST: OperationList = {
  CancelKeyDeletion: cancelKeyDeletion,
  ConnectCustomKeyStore: connectCustomKeyStore,
  CreateAlias: createAlias,
  CreateCustomKeyStore: createCustomKeyStore,
  CreateGrant: createGrant,
  CreateKey: createKey,
  Decapsulate: decapsulate,
  Decrypt: decrypt,
  DeleteAlias: deleteAlias,
  DeleteCustomKeyStore: deleteCustomKeyStore,
  DeleteImportedKeyMaterial: deleteImportedKeyMaterial,
  DeriveSharedSecret: deriveSharedSecret,
  DescribeCustomKeyStores: describeCustomKeyStores,
  DescribeKey: describeKey,
  DisableKey: disableKey,
  DisableKeyRotation: disableKeyRotation,
  DisconnectCustomKeyStore: disconnectCustomKeyStore,
  EnableKey: enableKey,
  EnableKeyRotation: enableKeyRotation,
  Encapsulate: encapsulate,
  Encrypt: encrypt,
  GenerateDataKey: generateDataKey,
  GenerateDataKeyPair: generateDataKeyPair,
  GenerateDataKeyPairWithoutPlaintext: generateDataKeyPairWithoutPlaintext,
  GenerateDataKeyWithoutPlaintext: generateDataKeyWithoutPlaintext,
  GenerateMac: generateMac,
  GenerateRandom: generateRandom,
  GetKeyLastUsage: getKeyLastUsage,
  GetKeyPolicy: getKeyPolicy,
  GetKeyRotationStatus: getKeyRotationStatus,
  GetParametersForImport: getParametersForImport,
  GetPublicKey: getPublicKey,
  ImportKeyMaterial: importKeyMaterial,
  ListAliases: listAliases,
  ListGrants: listGrants,
  ListKeyPolicies: listKeyPolicies,
  ListKeyRotations: listKeyRotations,
  ListKeys: listKeys,
  ListResourceTags: listResourceTags,
  ListRetirableGrants: listRetirableGrants,
  PutKeyPolicy: putKeyPolicy,
  ReEncrypt: reEncrypt,
  ReplicateKey: replicateKey,
  RetireGrant: retireGrant,
  RevokeGrant: revokeGrant,
  RotateKeyOnDemand: rotateKeyOnDemand,
  ScheduleKeyDeletion: scheduleKeyDeletion,
  Sign: sign,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdateAlias: updateAlias,
  UpdateCustomKeyStore: updateCustomKeyStore,
  UpdateKeyDescription: updateKeyDescription,
  UpdatePrimaryRegion: updatePrimaryRegion,
  Verify: verify,
  VerifyMac: verifyMac,
};

/** Any definition, with its types erased: what the protocol edge dispatches to. */
export type AnyDefinition = OperationDefinition<OperationName, KeyPolicy | undefined>;

/** The operations the reference implements, by name. */
export function implementedOperations(list: OperationList = OPERATION_LIST): ReadonlyMap<OperationName, AnyDefinition> {
  const out = new Map<OperationName, AnyDefinition>();
  for (const [name, def] of Object.entries(list) as [OperationName, AnyDefinition | typeof NOT_IMPLEMENTED][]) {
    if (def !== NOT_IMPLEMENTED) out.set(name, def);
  }
  return out;
}
