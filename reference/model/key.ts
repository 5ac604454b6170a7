/**
 * @module reference/model/key
 * The KMS key resource: identity, metadata and state. Key material lives apart in `key-material.ts`:
 * a key is the long-lived resource, its materials come and go (imported, deleted, expired, rotated).
 */
import { SHAPES, type CustomerMasterKeySpec, type GrantConstraints, type GrantOperation, type KeyLastUsageData, type ExpirationModelType, type KeyMetadata, type KeySpec, type KeyState, type KeyUsageType, type OriginType } from '../api/kms-api.generated.ts';
import { algorithmLists } from '../crypto/key-specs.ts';
import type { KeyMaterial } from './key-material.ts';
import { multiRegionConfiguration, type MultiRegionFamily, type Transition } from './multi-region.ts';

export type { KeySpec, KeyState };
export type KeyUsage = KeyUsageType;
export type Origin = OriginType;
export type ExpirationModel = ExpirationModelType;

export interface KmsKey {
  keyId: string;
  arn: string;
  accountId: string;
  region: string;
  creationDate: Date;
  description: string;
  keyUsage: KeyUsage;
  keySpec: KeySpec;
  origin: Origin;
  state: KeyState;
  deletionDate?: Date;
  /**
   * Every material ever associated with the key, oldest first. For AWS_KMS keys there is one,
   * generated at creation; for EXTERNAL keys the list starts empty (PendingImport).
   */
  materials: KeyMaterial[];
  tags: Map<string, string>;
  /** Automatic rotation (symmetric AWS_KMS keys); absent until EnableKeyRotation. */
  rotation?: AutomaticRotation;
  /** On-demand rotations done so far (AWS's quota: 25 per key). */
  onDemandRotations?: number;
  /** The last successful tracked cryptographic operation (GetKeyLastUsage). */
  lastUsage?: KeyLastUsageData;
  /** The key policy (the `default` one), as it was given: GetKeyPolicy returns it unchanged. */
  policy: string;
  /** The key's grants (CreateGrant), oldest first. */
  grants: Grant[];
  /** Multi-Region keys: the family shared by the primary and its replicas (multi-region.ts). */
  family?: MultiRegionFamily;
  /** Creating (a new replica) or Updating (UpdatePrimaryRegion): the state ends on its own. */
  transition?: Transition;
  /** PendingReplicaDeletion: the waiting period that starts once the last replica is deleted. */
  pendingWindowDays?: number;
}

export interface Grant {
  grantId: string;
  keyId: string;
  name?: string;
  creationDate: Date;
  granteePrincipal?: string;
  granteeServicePrincipal?: string;
  retiringPrincipal?: string;
  retiringServicePrincipal?: string;
  /** The account root of the caller that created the grant. */
  issuingAccount: string;
  operations: GrantOperation[];
  constraints?: GrantConstraints;
}

export interface AutomaticRotation {
  enabled: boolean;
  /** RotationPeriodInDays: 90–2560, default 365. Kept when rotation is disabled, for a later enable. */
  periodDays: number;
  /** When the next automatic rotation is due (while enabled). */
  nextRotation?: Date;
}

/** True once at least one material has been associated with the key (imported at least once). */
export function hasEverHadMaterial(key: KmsKey): boolean {
  return key.materials.length > 0;
}

/** The material currently used to encrypt, if any. */
export function currentMaterial(key: KmsKey): KeyMaterial | undefined {
  return key.materials.find((m) => m.state === 'CURRENT');
}

const LEGACY_SPECS: readonly string[] = SHAPES.CustomerMasterKeySpec.enum;

/** The deprecated CustomerMasterKeySpec member, for the key specs that enum still has. */
export function legacySpec(spec: KeySpec): CustomerMasterKeySpec | undefined {
  return LEGACY_SPECS.includes(spec) ? (spec as CustomerMasterKeySpec) : undefined;
}

/** The KeyMetadata structure as DescribeKey and CreateKey return it. */
export function keyMetadata(key: KmsKey): KeyMetadata {
  const current = currentMaterial(key);
  const md: KeyMetadata = {
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: key.creationDate,
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.state,
    Origin: key.origin,
    KeyManager: 'CUSTOMER',
    ...(legacySpec(key.keySpec) && { CustomerMasterKeySpec: legacySpec(key.keySpec) }),
    KeySpec: key.keySpec,
    MultiRegion: key.family !== undefined,
  };
  const mrc = multiRegionConfiguration(key);
  if (mrc) md.MultiRegionConfiguration = mrc;
  if (key.pendingWindowDays !== undefined) md.PendingDeletionWindowInDays = key.pendingWindowDays;
  // Exactly the algorithm list of the key's usage; the others are omitted, never empty (CRY-022).
  Object.assign(md, algorithmLists(key.keySpec, key.keyUsage));
  if (key.deletionDate) md.DeletionDate = key.deletionDate;
  // ExpirationModel / ValidTo describe imported material that is present (REQ-D1, REQ-I5): they
  // disappear when the material is deleted or expires.
  if (key.origin === 'EXTERNAL' && current?.bytes) {
    md.ExpirationModel = current.expirationModel;
    if (current.expirationModel === 'KEY_MATERIAL_EXPIRES' && current.validTo) {
      md.ValidTo = current.validTo;
    }
  }
  // Symmetric keys expose the id of their current material, and keep it after a delete (REQ-C3, REQ-D1).
  // A replica being created has none yet (recorded, MGT-123).
  if (key.keySpec === 'SYMMETRIC_DEFAULT' && current && key.state !== 'Creating') md.CurrentKeyMaterialId = current.id;
  return md;
}
