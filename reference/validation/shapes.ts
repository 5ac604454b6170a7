/**
 * @module reference/validation/shapes
 * Input shapes of the operations the reference implements, with the constraints of the KMS API
 * model (ground truth a.2, botocore service-2.json). Only what validation needs is described.
 */

export type Shape =
  | { type: 'string'; min?: number; max?: number; pattern?: string; enum?: readonly string[]; sensitive?: boolean }
  | { type: 'blob'; min?: number; max?: number; sensitive?: boolean }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'timestamp' }
  | { type: 'list'; member: Shape; min?: number; max?: number }
  | { type: 'map'; key: Shape; value: Shape }
  | { type: 'structure'; members: Members; required?: readonly string[] };

export type Members = Record<string, Shape>;

const str = (o: Omit<Extract<Shape, { type: 'string' }>, 'type'> = {}): Shape => ({ type: 'string', ...o });
const blob = (o: Omit<Extract<Shape, { type: 'blob' }>, 'type'> = {}): Shape => ({ type: 'blob', ...o });
const int = (min?: number, max?: number): Shape => ({ type: 'integer', ...(min !== undefined && { min }), ...(max !== undefined && { max }) });
const bool: Shape = { type: 'boolean' };
const timestamp: Shape = { type: 'timestamp' };

const KeyId = str({ min: 1, max: 2048 });
const GrantTokens: Shape = { type: 'list', member: str({ min: 1, max: 8192 }), min: 0, max: 10 };
const Ciphertext = blob({ min: 1, max: 6144 });
const Plaintext = blob({ min: 1, max: 4096, sensitive: true });
const EncryptionContext: Shape = { type: 'map', key: str(), value: str() };
const Limit = int(1, 1000);
const Marker = str({ min: 1, max: 1024, pattern: '[\\u0020-\\u00FF]*' });
const BackingKeyId = str({ min: 64, max: 64, pattern: '^[a-f0-9]+$' });
const EncryptionAlgorithm = str({ enum: ['SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'SM2PKE'] });
const AliasName = str({ min: 1, max: 256, pattern: '^[a-zA-Z0-9:/_-]+$' });
const Tag: Shape = {
  type: 'structure',
  members: { TagKey: str({ min: 1, max: 128 }), TagValue: str({ min: 0, max: 256 }) },
  required: ['TagKey', 'TagValue'],
};
const TagList: Shape = { type: 'list', member: Tag };
const KeySpecs = ['RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_NIST_P256', 'ECC_NIST_P384', 'ECC_NIST_P521', 'ECC_SECG_P256K1',
  'SYMMETRIC_DEFAULT', 'HMAC_224', 'HMAC_256', 'HMAC_384', 'HMAC_512', 'SM2', 'ML_DSA_44', 'ML_DSA_65', 'ML_DSA_87',
  'ECC_NIST_EDWARDS25519'] as const;

/** Operation name → input structure. */
export const inputShapes: Record<string, Extract<Shape, { type: 'structure' }>> = {
  CreateKey: {
    type: 'structure',
    members: {
      Policy: str({ min: 1, max: 131072 }),
      Description: str({ min: 0, max: 8192 }),
      KeyUsage: str({ enum: ['SIGN_VERIFY', 'ENCRYPT_DECRYPT', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT'] }),
      CustomerMasterKeySpec: str({ enum: KeySpecs.slice(0, 13) }),
      KeySpec: str({ enum: KeySpecs }),
      Origin: str({ enum: ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] }),
      CustomKeyStoreId: str({ min: 1, max: 64 }),
      BypassPolicyLockoutSafetyCheck: bool,
      Tags: TagList,
      MultiRegion: bool,
      XksKeyId: str({ min: 1, max: 128, pattern: '^[a-zA-Z0-9-_.]+$' }),
    },
  },
  DescribeKey: { type: 'structure', members: { KeyId, GrantTokens }, required: ['KeyId'] },
  ListKeys: { type: 'structure', members: { Limit, Marker } },
  EnableKey: { type: 'structure', members: { KeyId }, required: ['KeyId'] },
  DisableKey: { type: 'structure', members: { KeyId }, required: ['KeyId'] },
  ScheduleKeyDeletion: { type: 'structure', members: { KeyId, PendingWindowInDays: int(1, 365) }, required: ['KeyId'] },
  CancelKeyDeletion: { type: 'structure', members: { KeyId }, required: ['KeyId'] },
  GetParametersForImport: {
    type: 'structure',
    members: {
      KeyId,
      WrappingAlgorithm: str({ enum: ['RSAES_PKCS1_V1_5', 'RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'RSA_AES_KEY_WRAP_SHA_1', 'RSA_AES_KEY_WRAP_SHA_256', 'SM2PKE'] }),
      WrappingKeySpec: str({ enum: ['RSA_2048', 'RSA_3072', 'RSA_4096', 'SM2'] }),
    },
    required: ['KeyId', 'WrappingAlgorithm', 'WrappingKeySpec'],
  },
  ImportKeyMaterial: {
    type: 'structure',
    members: {
      KeyId,
      ImportToken: Ciphertext,
      EncryptedKeyMaterial: Ciphertext,
      ValidTo: timestamp,
      ExpirationModel: str({ enum: ['KEY_MATERIAL_EXPIRES', 'KEY_MATERIAL_DOES_NOT_EXPIRE'] }),
      ImportType: str({ enum: ['NEW_KEY_MATERIAL', 'EXISTING_KEY_MATERIAL'] }),
      KeyMaterialDescription: str({ min: 0, max: 256, pattern: '^[a-zA-Z0-9:/_\\s.-]+$' }),
      KeyMaterialId: BackingKeyId,
    },
    required: ['KeyId', 'ImportToken', 'EncryptedKeyMaterial'],
  },
  DeleteImportedKeyMaterial: { type: 'structure', members: { KeyId, KeyMaterialId: BackingKeyId }, required: ['KeyId'] },
  Encrypt: {
    type: 'structure',
    members: { KeyId, Plaintext, EncryptionContext, GrantTokens, EncryptionAlgorithm, DryRun: bool },
    required: ['KeyId', 'Plaintext'],
  },
  Decrypt: {
    type: 'structure',
    members: { CiphertextBlob: Ciphertext, EncryptionContext, GrantTokens, KeyId, EncryptionAlgorithm, DryRun: bool },
  },
  GenerateDataKey: {
    type: 'structure',
    members: {
      KeyId,
      EncryptionContext,
      NumberOfBytes: int(1, 1024),
      KeySpec: str({ enum: ['AES_256', 'AES_128'] }),
      GrantTokens,
      DryRun: bool,
    },
    required: ['KeyId'],
  },
  CreateAlias: { type: 'structure', members: { AliasName, TargetKeyId: KeyId }, required: ['AliasName', 'TargetKeyId'] },
  DeleteAlias: { type: 'structure', members: { AliasName }, required: ['AliasName'] },
  ListAliases: { type: 'structure', members: { KeyId, Limit, Marker } },
  TagResource: { type: 'structure', members: { KeyId, Tags: TagList }, required: ['KeyId', 'Tags'] },
  UntagResource: {
    type: 'structure',
    members: { KeyId, TagKeys: { type: 'list', member: str({ min: 1, max: 128 }) } },
    required: ['KeyId', 'TagKeys'],
  },
  ListResourceTags: { type: 'structure', members: { KeyId, Limit, Marker }, required: ['KeyId'] },
};
