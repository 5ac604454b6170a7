/**
 * @module reference/model/key-material
 * Key material and the cryptography done with it: AES-256-GCM over a self-describing ciphertext blob.
 * The blob names the key and the material it was made with, so ciphertext made before a
 * DeleteImportedKeyMaterial decrypts again once the same material is reimported (REQ-I9).
 */
import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type { ExpirationModelType as ExpirationModel, ImportState, KeyMaterialState, RotationType } from '../api/kms-api.generated.ts';

export type { ImportState, KeyMaterialState };

export interface KeyMaterial {
  /** 64 lowercase hex digits (BackingKeyIdType). */
  id: string;
  /** The secret bytes; undefined while deleted or expired (imported materials only). */
  bytes: Buffer | undefined;
  state: KeyMaterialState;
  importState?: ImportState;
  expirationModel?: ExpirationModel;
  validTo?: Date;
  description?: string;
  /** When and how this material became current by a rotation (absent for a key's first material). */
  rotationDate?: Date;
  rotationType?: RotationType;
}

/**
 * The id of imported material: AWS computes it from the key id and the material (AWS security blog,
 * "How to use on-demand rotation for AWS KMS imported keys"), so the same material reimported into
 * the same key gets the same id. HMAC-SHA-256 keyed by the material is our own choice of function.
 */
export function materialIdFor(keyId: string, bytes: Buffer): string {
  return createHmac('sha256', bytes).update(`kms-conformance-reference:${keyId}`).digest('hex');
}

/** Version 2 blobs carry the key ARN (for another account's key); version 1 ones the bare key id. */
const BLOB_VERSION = 2;
const V1 = 1;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const KEY_ID_LENGTH = 36;
const MATERIAL_ID_LENGTH = 32;

/**
 * Canonical bytes of an encryption context: entries sorted by key, so the same map in any order
 * authenticates the same way.
 */
export function contextAad(context: Record<string, string> | undefined): Buffer {
  const entries = Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Buffer.from(JSON.stringify(entries), 'utf8');
}

/**
 * Encrypts `plaintext` under `material`. Blob layout (our own):
 * version(1) | idLen(1) | key ARN (version 2; the key id in version 1) | materialId(32) | iv(12) | tag(16) | ciphertext.
 * The key id is authenticated (AAD) with the encryption context.
 */
export function seal(keyId: string, material: KeyMaterial, plaintext: Buffer, context: Record<string, string> | undefined, iv: Buffer, keyArn: string): Buffer {
  if (!material.bytes) throw new Error('seal: material is absent');
  const cipher = createCipheriv('aes-256-gcm', material.bytes, iv);
  cipher.setAAD(Buffer.concat([Buffer.from(keyId), contextAad(context)]));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const arnBytes = Buffer.from(keyArn, 'utf8');
  return Buffer.concat([
    Buffer.from([BLOB_VERSION, arnBytes.length]),
    arnBytes,
    Buffer.from(material.id, 'hex'),
    iv,
    cipher.getAuthTag(),
    body,
  ]);
}

export interface ParsedBlob {
  keyId: string;
  /** The key ARN (version 2 blobs). */
  keyArn?: string;
  materialId: string;
  iv: Buffer;
  tag: Buffer;
  body: Buffer;
}

/** Reads a blob made by `seal`; undefined when it is not one. */
export function parseBlob(blob: Buffer): ParsedBlob | undefined {
  if (blob.length < 2 || (blob[0] !== BLOB_VERSION && blob[0] !== V1)) return undefined;
  const idLen = blob[1]!;
  if (blob[0] === V1 ? idLen !== KEY_ID_LENGTH : idLen <= KEY_ID_LENGTH) return undefined;
  const fixed = 2 + idLen + MATERIAL_ID_LENGTH + IV_LENGTH + TAG_LENGTH;
  if (blob.length < fixed) return undefined;
  let o = 2;
  const id = blob.subarray(o, (o += idLen)).toString('utf8');
  const keyArn = blob[0] === V1 ? undefined : id;
  const keyId = keyArn ? keyArn.slice(-KEY_ID_LENGTH) : id;
  if (keyArn && !keyArn.endsWith(`:key/${keyId}`)) return undefined;
  const materialId = blob.subarray(o, (o += MATERIAL_ID_LENGTH)).toString('hex');
  const iv = blob.subarray(o, (o += IV_LENGTH));
  const tag = blob.subarray(o, (o += TAG_LENGTH));
  return { keyId, ...(keyArn && { keyArn }), materialId, iv, tag, body: blob.subarray(o) };
}

/** Decrypts a parsed blob; undefined when authentication fails (wrong material or context). */
export function open(parsed: ParsedBlob, material: KeyMaterial, context: Record<string, string> | undefined): Buffer | undefined {
  if (!material.bytes) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', material.bytes, parsed.iv);
    decipher.setAAD(Buffer.concat([Buffer.from(parsed.keyId), contextAad(context)]));
    decipher.setAuthTag(parsed.tag);
    return Buffer.concat([decipher.update(parsed.body), decipher.final()]);
  } catch {
    return undefined;
  }
}
