/**
 * @module reference/operations/import-steps
 * The steps of importing key material (ground truth c.5–c.6), shared by GetParametersForImport and
 * ImportKeyMaterial: the import token's lifetime and binding, the expiration settings, unwrapping.
 */
import { constants, createDecipheriv, privateDecrypt } from 'node:crypto';
import type { ImportKeyMaterialRequest } from '../api/kms-api.generated.ts';
import { canonicalImport } from '../crypto/key-pairs.ts';
import { kmsError, messages } from '../errors.ts';
import type { ExpirationModel, KmsKey } from '../model/key.ts';
import type { ImportParameters } from '../model/store.ts';
import type { OperationContext } from './context.ts';

export const DAY_MS = 86_400_000;
/** Import parameters are valid for 24 hours (REQ-G3). */
export const PARAMETERS_TTL_MS = DAY_MS;
/** ValidTo may be at most 365 days after the request (REQ-I4). */
const MAX_VALID_TO_MS = 365 * DAY_MS;

/** Forgets tokens long past expiry; kept a day past it so a late import is told "expired" rather than "invalid". */
export function pruneExpiredTokens(ctx: OperationContext, now: Date): void {
  for (const [token, p] of ctx.region.importTokens) {
    if (p.validTo.getTime() + DAY_MS < now.getTime()) ctx.region.importTokens.delete(token);
  }
}

/** The expiration settings of an import, checked as documented (REQ-I2…I4). */
export function expiration(input: ImportKeyMaterialRequest, now: Date): { model: ExpirationModel; validTo?: Date } {
  const validTo = input.ValidTo;
  const model = input.ExpirationModel ?? 'KEY_MATERIAL_EXPIRES';
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
export function unwrap(params: ImportParameters, wrapped: Buffer): Buffer | undefined {
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

/** The parameters an import token stands for, if it was issued for this key and is still valid (REQ-I6, REQ-I17). */
export function importParameters(ctx: OperationContext, key: KmsKey, token: Buffer): ImportParameters {
  const params = ctx.region.importTokens.get(token.toString('hex'));
  if (!params || params.keyArn !== key.arn) throw kmsError('InvalidImportTokenException', 'The import token is not valid for this KMS key.');
  if (params.validTo <= ctx.now()) throw kmsError('ExpiredImportTokenException', 'The import token has expired.');
  return params;
}

/** The material an import carries, unwrapped, checked against the key spec and made canonical. */
export function importedBytes(ctx: OperationContext, key: KmsKey, input: ImportKeyMaterialRequest): Buffer {
  const params = importParameters(ctx, key, input.ImportToken);
  const bytes = unwrap(params, input.EncryptedKeyMaterial);
  if (!bytes) throw kmsError('InvalidCiphertextException', 'The wrapped key material could not be decrypted with the wrapping key of this import token.');
  // Material that does not fit the key spec: IncorrectKeyMaterialException is the documented
  // candidate; AWS's texts are not known (ground truth §3.2).
  const fit = canonicalImport(key.keySpec, bytes);
  if ('problem' in fit) throw kmsError('IncorrectKeyMaterialException', fit.problem);
  return fit.material;
}
