/**
 * @module harness/kms/keys
 * Building blocks specs compose: create keys, import material, read state. They call the target
 * through the SDK client given, so evidence and safety apply as to any call.
 */
import {
  CreateKeyCommand,
  DescribeKeyCommand,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  type ImportKeyMaterialCommandInput,
  type KeyMetadata,
  type KeySpec,
  type KeyUsageType,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { isEventuallyConsistent } from '../clients/sdk-client.ts';
import { awaitKeyState, settled } from './consistency.ts';
import { newKeyMaterial, wrapKeyMaterial, type WrappingAlgorithm, type WrappingKeySpec } from './wrap.ts';

/** Creates a symmetric key with Origin EXTERNAL (PendingImport, no material). */
export async function createExternalKey(client: KMSClient, description = 'kms-conformance external key'): Promise<KeyMetadata> {
  const { KeyMetadata } = await client.send(new CreateKeyCommand({ Origin: 'EXTERNAL', Description: description }));
  if (!KeyMetadata?.KeyId) throw new Error('CreateKey returned no KeyMetadata.KeyId');
  if (isEventuallyConsistent(client)) await awaitKeyState(client, KeyMetadata.KeyId, ['PendingImport']);
  return KeyMetadata;
}

/** Creates a symmetric key with KMS-generated material (Origin AWS_KMS). */
export async function createKmsKey(client: KMSClient, description = 'kms-conformance AWS_KMS key'): Promise<KeyMetadata> {
  const { KeyMetadata } = await client.send(new CreateKeyCommand({ Description: description }));
  if (!KeyMetadata?.KeyId) throw new Error('CreateKey returned no KeyMetadata.KeyId');
  if (isEventuallyConsistent(client)) await awaitKeyState(client, KeyMetadata.KeyId, ['Enabled']);
  return KeyMetadata;
}

export interface KeyOfOptions {
  origin?: 'AWS_KMS' | 'EXTERNAL';
  description?: string;
}

/** Creates a key of any spec and usage; with Origin EXTERNAL it waits in PendingImport. */
export async function createKeyOf(client: KMSClient, spec: KeySpec, usage: KeyUsageType, o: KeyOfOptions = {}): Promise<KeyMetadata> {
  const origin = o.origin ?? 'AWS_KMS';
  const input = { KeySpec: spec, KeyUsage: usage, Description: o.description ?? `kms-conformance ${spec} ${usage} key`, ...(origin === 'EXTERNAL' && { Origin: origin }) };
  const { KeyMetadata } = await client.send(new CreateKeyCommand(input));
  if (!KeyMetadata?.KeyId) throw new Error('CreateKey returned no KeyMetadata.KeyId');
  if (isEventuallyConsistent(client)) await awaitKeyState(client, KeyMetadata.KeyId, [origin === 'EXTERNAL' ? 'PendingImport' : 'Enabled']);
  return KeyMetadata;
}

/**
 * DescribeKey. With `settledIn`, a set-up read after a state change: against an eventually
 * consistent target (AWS) it polls, boundedly, until the state is one of those; elsewhere it reads once.
 */
export async function describeKey(client: KMSClient, keyId: string, o: { settledIn?: readonly string[] } = {}): Promise<KeyMetadata> {
  const KeyMetadata = o.settledIn && isEventuallyConsistent(client)
    ? await awaitKeyState(client, keyId, o.settledIn)
    : (await client.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
  if (!KeyMetadata) throw new Error('DescribeKey returned no KeyMetadata');
  return KeyMetadata;
}

export interface ImportOptions {
  algorithm?: WrappingAlgorithm;
  spec?: WrappingKeySpec;
  /** Default KEY_MATERIAL_DOES_NOT_EXPIRE. */
  expirationModel?: 'KEY_MATERIAL_EXPIRES' | 'KEY_MATERIAL_DOES_NOT_EXPIRE';
  validTo?: Date;
  importType?: 'NEW_KEY_MATERIAL' | 'EXISTING_KEY_MATERIAL';
  keyMaterialId?: string;
  /** Called with GetParametersForImport's answer before anything is wrapped (a check of the wrapping key, say). */
  beforeImport?: (params: { PublicKey?: Uint8Array; ImportToken?: Uint8Array }) => void;
}

/** GetParametersForImport, then ImportKeyMaterial of `material` wrapped with the returned public key. */
export async function importKeyMaterial(client: KMSClient, keyId: string, material: Buffer, o: ImportOptions = {}) {
  const algorithm = o.algorithm ?? 'RSAES_OAEP_SHA_256';
  // Right after CreateKey, AWS may not know the key yet (its documented example of eventual consistency).
  const params = await settled(client, () => client.send(new GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: algorithm, WrappingKeySpec: o.spec ?? 'RSA_2048' })));
  if (!params.PublicKey || !params.ImportToken) throw new Error('GetParametersForImport returned no PublicKey or ImportToken');
  o.beforeImport?.(params);
  const input: ImportKeyMaterialCommandInput = {
    KeyId: keyId,
    ImportToken: params.ImportToken,
    EncryptedKeyMaterial: wrapKeyMaterial(params.PublicKey, material, algorithm),
    ExpirationModel: o.expirationModel ?? 'KEY_MATERIAL_DOES_NOT_EXPIRE',
    ...(o.validTo && { ValidTo: o.validTo }),
    ...(o.importType && { ImportType: o.importType }),
    ...(o.keyMaterialId && { KeyMaterialId: o.keyMaterialId }),
  };
  const response = await client.send(new ImportKeyMaterialCommand(input));
  return { params, response };
}

/** An EXTERNAL key with material imported (Enabled, material does not expire). */
export async function createImportedKey(client: KMSClient, o: ImportOptions & { description?: string } = {}) {
  const key = await createExternalKey(client, o.description);
  const material = newKeyMaterial();
  const { response } = await importKeyMaterial(client, key.KeyId!, material, o);
  return { key, material, keyMaterialId: response.KeyMaterialId };
}

/** An imported, Enabled key and its metadata as read back, the baseline for "unchanged" checks. */
export async function enabledImportedKey(client: KMSClient, label: string) {
  const { key, material, keyMaterialId } = await createImportedKey(client, { description: label });
  return { key, material, keyMaterialId, before: await describeKey(client, key.KeyId!) };
}
