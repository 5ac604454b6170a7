/**
 * @module reference/operations/import
 * GetParametersForImport, ImportKeyMaterial and DeleteImportedKeyMaterial: the imported-key-material
 * lifecycle (ground truth c.5–c.7).
 */
import { constants, createDecipheriv, privateDecrypt } from 'node:crypto';
import { kmsError, messages } from '../errors.ts';
import { epochSeconds, type ExpirationModel, type KmsKey } from '../model/key.ts';
import { materialIdFor, type KeyMaterial } from '../model/key-material.ts';
import type { ImportParameters } from '../model/store.ts';
import type { WrappingKeySpec } from '../model/wrapping-keys.ts';
import type { Handler, OperationContext } from './context.ts';
import { allMaterialsPresent, deleteMaterial } from './material-lifecycle.ts';
import { requireKey } from './require-key.ts';

const DAY_MS = 86_400_000;
/** Import parameters are valid for 24 hours (REQ-G3). */
const PARAMETERS_TTL_MS = DAY_MS;
/** ValidTo may be at most 365 days after the request (REQ-I4). */
const MAX_VALID_TO_MS = 365 * DAY_MS;
const SYMMETRIC_MATERIAL_BYTES = 32;

export const getParametersForImport: Handler = async (input, ctx) => {
  const key = requireKey(ctx, input.KeyId as string, 'GetParametersForImport');
  const algorithm = input.WrappingAlgorithm as string;
  const spec = input.WrappingKeySpec as string;
  // RSAES_PKCS1_V1_5 is no longer supported since 2023-10-10; SM2 exists only in China Regions
  // (REQ-G5). AWS's error for these is not known; the reference refuses them as unsupported.
  if (algorithm === 'RSAES_PKCS1_V1_5' || algorithm === 'SM2PKE' || spec === 'SM2') {
    throw kmsError('UnsupportedOperationException', `The wrapping algorithm ${algorithm} with wrapping key spec ${spec} is not supported.`);
  }
  const pair = await ctx.wrappingKeys.take(spec as WrappingKeySpec);
  const now = ctx.now();
  pruneExpiredTokens(ctx, now);
  const token = ctx.randomBytes(64);
  const params: ImportParameters = {
    keyArn: key.arn,
    privateKey: pair.privateKey,
    wrappingAlgorithm: algorithm,
    wrappingKeySpec: spec,
    validTo: new Date(now.getTime() + (ctx.faults.has('long-import-parameters') ? 100 * DAY_MS : PARAMETERS_TTL_MS)),
  };
  ctx.region.importTokens.set(token.toString('hex'), params);
  return {
    KeyId: key.arn,
    ImportToken: token.toString('base64'),
    PublicKey: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    ParametersValidTo: epochSeconds(params.validTo),
  };
};

function pruneExpiredTokens(ctx: OperationContext, now: Date): void {
  for (const [token, p] of ctx.region.importTokens) {
    // Kept a day past expiry so a late import is told "expired" rather than "invalid".
    if (p.validTo.getTime() + DAY_MS < now.getTime()) ctx.region.importTokens.delete(token);
  }
}

/** The expiration settings of an import, checked as documented (REQ-I2…I4). */
function expiration(input: Record<string, unknown>, now: Date, ctx: OperationContext): { model: ExpirationModel; validTo?: Date } {
  const validTo = input.ValidTo as Date | undefined;
  const lenient = ctx.faults.has('ignore-expiration-model') && !validTo;
  const model = lenient ? 'KEY_MATERIAL_DOES_NOT_EXPIRE' : ((input.ExpirationModel as ExpirationModel | undefined) ?? 'KEY_MATERIAL_EXPIRES');
  if (model === 'KEY_MATERIAL_DOES_NOT_EXPIRE') {
    if (validTo) throw kmsError('ValidationException', 'ValidTo must be omitted when the ExpirationModel is KEY_MATERIAL_DOES_NOT_EXPIRE.');
    return { model };
  }
  if (!validTo) throw kmsError('ValidationException', messages.validToRequired);
  if (validTo.getTime() <= now.getTime()) throw kmsError('ValidationException', 'ValidTo must be a time in the future.');
  if (validTo.getTime() > now.getTime() + MAX_VALID_TO_MS) {
    throw kmsError('ValidationException', 'ValidTo must be no more than 365 days after the request.');
  }
  return { model, validTo };
}

/** Unwraps key material the way each wrapping algorithm defines; undefined when it cannot. */
function unwrap(params: ImportParameters, wrapped: Buffer): Buffer | undefined {
  const oaepHash = params.wrappingAlgorithm.endsWith('SHA_1') ? 'sha1' : 'sha256';
  const rsa = (data: Buffer) => privateDecrypt({ key: params.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, data);
  try {
    if (params.wrappingAlgorithm.startsWith('RSAES_OAEP')) return rsa(wrapped);
    // RSA_AES_KEY_WRAP_*: an RSA-OAEP-encrypted AES key, then the material wrapped with that key
    // by AES key wrap with padding (RFC 5649).
    const modulusBytes = (params.privateKey.asymmetricKeyDetails?.modulusLength ?? 0) / 8;
    const aesKey = rsa(wrapped.subarray(0, modulusBytes));
    const decipher = createDecipheriv(`id-aes${aesKey.length * 8}-wrap-pad`, aesKey, Buffer.from('A65959A6', 'hex'));
    return Buffer.concat([decipher.update(wrapped.subarray(modulusBytes)), decipher.final()]);
  } catch {
    return undefined;
  }
}

/** Looks up the import token and checks it was issued for this key and is still valid (REQ-I6, REQ-I17). */
function importParameters(ctx: OperationContext, key: KmsKey, token: Buffer): ImportParameters {
  const params = ctx.region.importTokens.get(token.toString('hex'));
  if (!params || (params.keyArn !== key.arn && !ctx.faults.has('unbound-import-token'))) {
    throw kmsError('InvalidImportTokenException', 'The import token is not valid for this KMS key.');
  }
  if (params.validTo <= ctx.now()) throw kmsError('ExpiredImportTokenException', 'The import token has expired.');
  return params;
}

export const importKeyMaterial: Handler = async (input, ctx) => {
  const key = requireKey(ctx, input.KeyId as string, 'ImportKeyMaterial');
  const now = ctx.now();
  const exp = expiration(input, now, ctx);
  const importType = (input.ImportType as string | undefined) ?? (key.materials.length === 0 ? 'NEW_KEY_MATERIAL' : 'EXISTING_KEY_MATERIAL');
  if (importType === 'NEW_KEY_MATERIAL' && input.KeyMaterialId !== undefined) {
    throw kmsError('ValidationException', 'KeyMaterialId cannot be given when ImportType is NEW_KEY_MATERIAL.');
  }
  const params = importParameters(ctx, key, input.ImportToken as Buffer);
  const bytes = unwrap(params, input.EncryptedKeyMaterial as Buffer);
  if (!bytes) throw kmsError('InvalidCiphertextException', 'The wrapped key material could not be decrypted with the wrapping key of this import token.');
  if (bytes.length !== SYMMETRIC_MATERIAL_BYTES) {
    throw kmsError('IncorrectKeyMaterialException', `Symmetric key material must be ${SYMMETRIC_MATERIAL_BYTES} bytes.`);
  }
  const id = materialIdFor(key.keyId, bytes);
  const settings = { importState: 'IMPORTED' as const, expirationModel: exp.model, ...(exp.validTo && { validTo: exp.validTo }) };
  const description = input.KeyMaterialDescription as string | undefined;

  if (importType === 'EXISTING_KEY_MATERIAL') {
    const existing = key.materials.find((m) => m.id === id) ?? (ctx.faults.has('accept-different-material') ? replaceFirst(key, id) : undefined);
    // Different material, or an id that does not match it (REQ-I10, REQ-I14).
    if (!existing || (input.KeyMaterialId !== undefined && input.KeyMaterialId !== id)) {
      throw kmsError('IncorrectKeyMaterialException', `The key material is not the material associated with ${key.arn}.`);
    }
    Object.assign(existing, { bytes, ...settings });
    if (description !== undefined) existing.description = description;
    if (key.state === 'PendingImport' && allMaterialsPresent(key)) key.state = 'Enabled';
    return { KeyId: key.arn, KeyMaterialId: existing.id };
  }

  // NEW_KEY_MATERIAL
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
};

/** Fault 'accept-different-material': the first material takes the new material's place. */
function replaceFirst(key: KmsKey, id: string): KeyMaterial | undefined {
  const first = key.materials[0];
  if (first) first.id = id;
  return first;
}

export const deleteImportedKeyMaterial: Handler = async (input, ctx) => {
  const key = requireKey(ctx, input.KeyId as string, 'DeleteImportedKeyMaterial');
  const wanted = input.KeyMaterialId as string | undefined;
  // Without KeyMaterialId the current material is deleted (REQ-D9).
  const target = wanted === undefined ? key.materials.find((m) => m.state === 'CURRENT') : key.materials.find((m) => m.id === wanted);
  if (wanted !== undefined && !target) {
    // AWS's answer for an id not associated with the key is not known (ground truth c.10#5).
    throw kmsError('NotFoundException', `Key material ${wanted} is not associated with ${key.arn}.`);
  }
  // A key that never had material is left as it is: "No effect" (REQ-D4).
  if (!target) return { KeyId: key.arn };
  deleteMaterial(key, target, ctx.faults);
  if (ctx.faults.has('empty-delete-response')) return {};
  return { KeyId: key.arn, KeyMaterialId: target.id };
};
