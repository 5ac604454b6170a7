/**
 * @module reference/test-support/import-flow
 * The steps of importing key material through the SDK, as small functions the tests compose.
 */
import { randomBytes } from 'node:crypto';
import {
  CreateKeyCommand,
  DescribeKeyCommand,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  type ImportKeyMaterialCommandInput,
  type ImportKeyMaterialCommandOutput,
  type KeyMetadata,
  type KMSClient,
} from '@aws-sdk/client-kms';
import type { WrappingKeySpec } from '../model/wrapping-keys.ts';
import { wrapKeyMaterial, type WrappingAlgorithm } from './wrapping.ts';

/** 32 fresh random bytes: symmetric key material. */
export const newMaterial = (): Buffer => randomBytes(32);

export async function createKey(client: KMSClient, origin: 'AWS_KMS' | 'EXTERNAL' = 'EXTERNAL'): Promise<KeyMetadata> {
  const out = await client.send(new CreateKeyCommand({ Origin: origin }));
  return out.KeyMetadata!;
}

export async function describe(client: KMSClient, keyId: string): Promise<KeyMetadata> {
  return (await client.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;
}

export interface ImportOptions {
  algorithm?: WrappingAlgorithm;
  spec?: WrappingKeySpec;
  /** Extra ImportKeyMaterial members; the default is KEY_MATERIAL_DOES_NOT_EXPIRE. */
  request?: Partial<ImportKeyMaterialCommandInput>;
}

export interface WrappedImport {
  input: ImportKeyMaterialCommandInput;
  publicKey: Uint8Array;
}

/** Gets import parameters for `keyId` and wraps `material` with them: the ImportKeyMaterial input. */
export async function prepareImport(client: KMSClient, keyId: string, material: Buffer, options: ImportOptions = {}): Promise<WrappedImport> {
  const { algorithm = 'RSAES_OAEP_SHA_256', spec = 'RSA_2048', request = {} } = options;
  const params = await client.send(new GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: algorithm, WrappingKeySpec: spec }));
  return {
    publicKey: params.PublicKey!,
    input: {
      KeyId: keyId,
      ImportToken: params.ImportToken!,
      EncryptedKeyMaterial: wrapKeyMaterial(params.PublicKey!, algorithm, material),
      ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
      ...request,
    },
  };
}

/** The whole import: parameters, wrapping, ImportKeyMaterial. */
export async function importMaterial(client: KMSClient, keyId: string, material: Buffer, options: ImportOptions = {}): Promise<ImportKeyMaterialCommandOutput> {
  const { input } = await prepareImport(client, keyId, material, options);
  return client.send(new ImportKeyMaterialCommand(input));
}

/** An EXTERNAL key with `material` imported (Enabled). */
export async function createImportedKey(client: KMSClient, material: Buffer = newMaterial(), options: ImportOptions = {}) {
  const key = await createKey(client, 'EXTERNAL');
  const imported = await importMaterial(client, key.KeyId!, material, options);
  return { key, material, keyMaterialId: imported.KeyMaterialId! };
}
