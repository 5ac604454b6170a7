/**
 * @module reference/operations/encryption
 * Encrypting and decrypting under a KMS key, as Encrypt, Decrypt, ReEncrypt and the data key
 * operations share it. Symmetric keys seal with AES-256-GCM into a blob that names its key and
 * material (model/key-material.ts); RSA keys use RSAES-OAEP and their ciphertext is the bare OAEP
 * block, which carries nothing, so decrypting it needs the key and the algorithm (ground truth §2.16).
 */
import type { EncryptionAlgorithmSpec, OperationName } from '../api/kms-api.generated.ts';
import { oaepLimit } from '../crypto/key-specs.ts';
import { rsaDecrypt, rsaEncrypt } from '../crypto/primitives.ts';
import { kmsError, messages } from '../errors.ts';
import { keyArn, parseArn } from '../model/arn.ts';
import { currentMaterial, type KmsKey } from '../model/key.ts';
import { open, parseBlob, seal } from '../model/key-material.ts';
import type { OperationContext } from './context.ts';
import type { KeyGate } from './define.ts';
import { isSymmetric, materialBytes, requireAlgorithm, requireUsage, stopIfDryRun } from './key-use.ts';

const IV_BYTES = 12;
type RsaAlgorithm = 'RSAES_OAEP_SHA_1' | 'RSAES_OAEP_SHA_256';

export interface EncryptRequest {
  plaintext: Buffer;
  algorithm: EncryptionAlgorithmSpec | undefined;
  context: Record<string, string> | undefined;
  dryRun?: boolean | undefined;
}

/**
 * Checks an encryption with `key` (usage, algorithm, limits, DryRun) and returns the function that
 * does it, so a caller can check both keys of a ReEncrypt before either is used.
 */
export function prepareEncrypt(ctx: OperationContext, key: KmsKey, op: OperationName, r: EncryptRequest) {
  requireUsage(key, 'ENCRYPT_DECRYPT', op);
  const algorithm = r.algorithm ?? 'SYMMETRIC_DEFAULT';
  requireAlgorithm(key, 'EncryptionAlgorithms', algorithm);
  if (!isSymmetric(key)) {
    refuseAsymmetricContext(r.context);
    const limit = oaepLimit(key.keySpec, algorithm);
    if (r.plaintext.length > limit) throw kmsError('ValidationException', messages.plaintextTooLarge(algorithm, key.keySpec, limit));
  }
  if (r.dryRun !== undefined) stopIfDryRun({ DryRun: r.dryRun });
  return (): { blob: Buffer; algorithm: EncryptionAlgorithmSpec; materialId?: string } => {
    if (!isSymmetric(key)) return { blob: rsaEncrypt(key.keySpec, materialBytes(key), algorithm as RsaAlgorithm, r.plaintext), algorithm };
    const material = currentMaterial(key);
    if (!material?.bytes) throw kmsError('KMSInvalidStateException', messages.pendingImport(key.arn));
    return { blob: seal(key.keyId, material, r.plaintext, r.context, ctx.randomBytes(IV_BYTES), key.arn), algorithm, materialId: material.id };
  };
}

/**
 * AWS documents the encryption context as valid only with symmetric keys; what it answers when one
 * comes with an RSA key is not known. The reference refuses it rather than ignore a binding the
 * caller believes in.
 */
function refuseAsymmetricContext(context: Record<string, string> | undefined): void {
  if (context && Object.keys(context).length > 0) {
    throw kmsError('ValidationException', 'EncryptionContext is only valid with symmetric encryption KMS keys.');
  }
}

export interface DecryptRequest {
  blob: Buffer | undefined;
  keyId: string | undefined;
  algorithm: EncryptionAlgorithmSpec | undefined;
  context: Record<string, string> | undefined;
  dryRun?: boolean | undefined;
  ignoreCiphertext?: boolean;
  /** The caller's Region: a multi-Region key's ciphertext decrypts under the related key there. */
  region: string;
}

export interface Decrypted {
  key: KmsKey;
  plaintext: Buffer;
  algorithm: EncryptionAlgorithmSpec;
  /** The symmetric material that had sealed it. */
  materialId?: string;
}

/**
 * Decrypts the way Decrypt does: by the key the request names when it names an asymmetric one
 * (its ciphertext names nothing), else by the key the blob names, which must be the requested one
 * if a key is requested (IncorrectKeyException, CRY-040, even for a key of another usage).
 */
export function decryptWith(keys: KeyGate, op: OperationName, r: DecryptRequest): Decrypted {
  // ReEncrypt decrypts with kms:ReEncryptFrom on its source key, under the source context.
  const use = op === 'ReEncrypt' ? { action: 'ReEncryptFrom', encryptionContext: r.context } : undefined;
  if (!r.blob && r.keyId === undefined) dryRunOnly(r);
  const named = r.keyId === undefined ? undefined : keys.resolve(r.keyId);
  if (named && named.keyUsage === 'ENCRYPT_DECRYPT' && !isSymmetric(named)) {
    const key = keys.require(r.keyId!, use);
    const algorithm = r.algorithm ?? 'SYMMETRIC_DEFAULT';
    requireAlgorithm(key, 'EncryptionAlgorithms', algorithm);
    refuseAsymmetricContext(r.context);
    if (!r.blob) return dryRunOnly(r);
    // A wrong algorithm or a ciphertext of another key fails OAEP decoding; AWS's code for it is not
    // known, and InvalidCiphertextException is what the operation models for bad ciphertext.
    const plaintext = rsaDecrypt(key.keySpec, materialBytes(key), algorithm as RsaAlgorithm, r.blob);
    if (!plaintext) throw kmsError('InvalidCiphertextException');
    stopIfDryRun({ DryRun: r.dryRun });
    return { key, plaintext, algorithm };
  }
  if (!r.blob) {
    const key = keys.require(r.keyId!, use);
    requireUsage(key, 'ENCRYPT_DECRYPT', op);
    return dryRunOnly(r);
  }
  // InvalidCiphertextException carries no message on AWS (REQ-P5, CRY-039).
  const parsed = parseBlob(r.blob);
  if (!parsed) throw kmsError('InvalidCiphertextException');
  if (named && named.keyId !== parsed.keyId) throw kmsError('IncorrectKeyException', messages.incorrectKey);
  const key = keys.require(blobKey(parsed.keyArn, parsed.keyId, r.region), use);
  requireUsage(key, 'ENCRYPT_DECRYPT', op);
  requireAlgorithm(key, 'EncryptionAlgorithms', r.algorithm ?? 'SYMMETRIC_DEFAULT');
  const material = key.materials.find((m) => m.id === parsed.materialId);
  const plaintext = material && open(parsed, material, r.context);
  if (!material || !plaintext) throw kmsError('InvalidCiphertextException');
  stopIfDryRun({ DryRun: r.dryRun });
  return { key, plaintext, algorithm: 'SYMMETRIC_DEFAULT', materialId: material.id };
}

/**
 * The key a symmetric blob names: by ARN (it may be another account's), except that ciphertext of a
 * multi-Region key made in another Region is decrypted by the related key of the caller's Region
 * (multi-Region keys are interoperable: same id, same material; MGT-132).
 */
function blobKey(arn: string | undefined, keyId: string, region: string): string {
  if (!arn || !keyId.startsWith('mrk-')) return arn ?? keyId;
  const parsed = parseArn(arn);
  return parsed ? keyArn(parsed.partition, region, parsed.account, keyId) : arn;
}

/**
 * The model no longer requires CiphertextBlob: a dry run with IGNORE_CIPHERTEXT checks only the
 * named key, which it then needs (CRY-046, CRY-119). Every other call without it is answered like a
 * missing member.
 */
function dryRunOnly(r: DecryptRequest): never {
  const ignoring = r.ignoreCiphertext === true && r.dryRun === true;
  if (ignoring && r.keyId !== undefined) throw kmsError('DryRunOperationException', messages.dryRun);
  const member = ignoring ? 'keyId' : 'ciphertextBlob';
  throw kmsError('ValidationException', `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
}
