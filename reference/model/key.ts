/**
 * @module reference/model/key
 * The KMS key resource: identity, metadata and state. Key material lives apart in `key-material.ts`:
 * a key is the long-lived resource, its materials come and go (imported, deleted, expired, rotated).
 */
import type { KeyMaterial } from './key-material.ts';

export type KeyState =
  | 'Creating'
  | 'Enabled'
  | 'Disabled'
  | 'PendingDeletion'
  | 'PendingImport'
  | 'PendingReplicaDeletion'
  | 'Unavailable'
  | 'Updating';

export type Origin = 'AWS_KMS' | 'EXTERNAL' | 'AWS_CLOUDHSM' | 'EXTERNAL_KEY_STORE';
export type KeyUsage = 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC' | 'KEY_AGREEMENT';
export type KeySpec =
  | 'SYMMETRIC_DEFAULT'
  | 'RSA_2048' | 'RSA_3072' | 'RSA_4096'
  | 'ECC_NIST_P256' | 'ECC_NIST_P384' | 'ECC_NIST_P521' | 'ECC_SECG_P256K1'
  | 'HMAC_224' | 'HMAC_256' | 'HMAC_384' | 'HMAC_512'
  | 'SM2' | 'ML_DSA_44' | 'ML_DSA_65' | 'ML_DSA_87' | 'ECC_NIST_EDWARDS25519';
export type ExpirationModel = 'KEY_MATERIAL_EXPIRES' | 'KEY_MATERIAL_DOES_NOT_EXPIRE';

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
}

/** True once at least one material has been associated with the key (imported at least once). */
export function hasEverHadMaterial(key: KmsKey): boolean {
  return key.materials.length > 0;
}

/** The material currently used to encrypt, if any. */
export function currentMaterial(key: KmsKey): KeyMaterial | undefined {
  return key.materials.find((m) => m.state === 'CURRENT');
}

/** The KeyMetadata structure as DescribeKey and CreateKey return it. */
export function keyMetadata(key: KmsKey): Record<string, unknown> {
  const current = currentMaterial(key);
  const md: Record<string, unknown> = {
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: epochSeconds(key.creationDate),
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.state,
    Origin: key.origin,
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    MultiRegion: false,
  };
  if (key.keyUsage === 'ENCRYPT_DECRYPT' && key.keySpec === 'SYMMETRIC_DEFAULT') {
    md.EncryptionAlgorithms = ['SYMMETRIC_DEFAULT'];
  }
  if (key.deletionDate) md.DeletionDate = epochSeconds(key.deletionDate);
  // ExpirationModel / ValidTo describe imported material that is present (REQ-D1, REQ-I5): they
  // disappear when the material is deleted or expires.
  if (key.origin === 'EXTERNAL' && current?.bytes) {
    md.ExpirationModel = current.expirationModel;
    if (current.expirationModel === 'KEY_MATERIAL_EXPIRES' && current.validTo) {
      md.ValidTo = epochSeconds(current.validTo);
    }
  }
  // Symmetric keys expose the id of their current material, and keep it after a delete (REQ-C3, REQ-D1).
  if (key.keySpec === 'SYMMETRIC_DEFAULT' && current) md.CurrentKeyMaterialId = current.id;
  return md;
}

/** awsJson timestamps are epoch seconds as a JSON number. */
export function epochSeconds(d: Date): number {
  return d.getTime() / 1000;
}
