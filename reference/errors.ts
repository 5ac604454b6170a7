/**
 * @module reference/errors
 * The one error catalogue of the reference endpoint. Handlers throw these; `protocol/error-response.ts`
 * is the only place that turns them into wire responses.
 *
 * The names are AWS's model's exception shapes plus the errors every AWS JSON service answers
 * (authentication, throttling, serialisation), so a typo in a handler fails to compile.
 *
 * Status codes: every client error that AWS KMS was recorded returning is HTTP 400, although the
 * Smithy model says 404/409/412 for some of them (ground truth a.1, REQ-P4). The recordings win;
 * botocore's model agrees (it carries no status, so 400 for client faults and 500 for server faults).
 */
import { SHAPES, type ModelErrorName } from './api/kms-api.generated.ts';

/** Errors of the AWS JSON protocol and authentication that KMS's own model does not list. */
export type CommonErrorName =
  | 'AccessDeniedException'
  | 'IncompleteSignatureException'
  | 'InvalidSignatureException'
  | 'MissingAuthenticationTokenException'
  | 'NotAuthorizedException'
  | 'RequestEntityTooLargeException'
  | 'SerializationException'
  | 'ThrottlingException'
  | 'UnknownOperationException'
  | 'UnrecognizedClientException'
  | 'ValidationException';

/** Every error name the reference can emit. */
export type KmsErrorName = ModelErrorName | CommonErrorName;

/** Protocol errors with a status of their own: a body over the reference's cap is refused unread. */
const PROTOCOL_STATUS: Partial<Record<CommonErrorName, number>> = { RequestEntityTooLargeException: 413 };

/** Server faults (5xx) as the model marks them; everything else is a client error answered with 400. */
function statusOf(name: KmsErrorName): { fault: 'client' | 'server'; status: number } {
  const own = PROTOCOL_STATUS[name as CommonErrorName];
  if (own) return { fault: 'client', status: own };
  const shape = (SHAPES as Readonly<Record<string, { readonly error?: { readonly fault: 'client' | 'server'; readonly status: number } }>>)[name];
  return shape?.error ? { fault: shape.error.fault, status: shape.error.status } : { fault: 'client', status: 400 };
}

/**
 * A KMS error with its wire identity. `message` may be `undefined`: AWS sends some errors
 * (InvalidCiphertextException among them, REQ-P5) with no message at all.
 */
export class KmsError extends Error {
  override readonly name: KmsErrorName;
  readonly fault: 'client' | 'server';
  readonly status: number;
  readonly wireMessage: string | undefined;

  constructor(name: KmsErrorName, message?: string) {
    super(message ?? name);
    this.name = name;
    this.wireMessage = message;
    const { fault, status } = statusOf(name);
    this.fault = fault;
    this.status = status;
  }
}

/** Shorthand used by handlers: `throw kmsError('NotFoundException', '...')`. */
export function kmsError(name: KmsErrorName, message?: string): KmsError {
  return new KmsError(name, message);
}

/** Messages recorded from (or documented for) AWS, built in one place so handlers agree. */
export const messages = {
  /** Recorded: ground truth f#7. */
  keyDoesNotExist: (arn: string) => `Key '${arn}' does not exist`,
  /** Recorded: ground truth f#8. */
  invalidKeyId: (input: string) => `Invalid keyId '${input}'`,
  /** Recorded: ground truth f#9. */
  invalidArnRegion: (region: string) => `Invalid arn ${region}`,
  /** Recorded: ground truth f#1. */
  pendingImport: (arn: string) => `${arn} is pending import.`,
  /** Documented footnote [3]; single-Region wording as emitted in practice (ground truth b.1 notes). */
  pendingDeletion: (arn: string) => `${arn} is pending deletion.`,
  /** Documented footnote [4]. */
  notPendingDeletion: (arn: string) => `${arn} is not pending deletion.`,
  /** Recorded: ground truth f#10. */
  disabled: (arn: string) => `${arn} is disabled.`,
  /** Documented footnotes [11], [14], [15] of the key-state table. */
  unavailable: (arn: string) => `${arn} is unavailable.`,
  creating: (arn: string) => `${arn} is creating.`,
  /** Recorded for ReplicateKey on a replica (key-management §12 #22). */
  notMultiRegionPrimary: (arn: string) => `${arn} is not a multi-region primary key.`,
  updating: (arn: string) => `${arn} is updating.`,
  /** Recorded for AWS_KMS (f#2) and EXTERNAL (f#3). */
  originNotValid: (arn: string, origin: string) => `${arn} origin is ${origin} which is not valid for this operation.`,
  /** Recorded (REQ-I2). No trailing period, as recorded. */
  validToRequired: 'A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES',
  /** Recorded (REQ-I12). */
  anotherMaterialPending: (newId: string, arn: string, pendingId: string) =>
    `New key material (id: ${newId}) cannot be imported into KMS key ${arn}, because another key material (id: ${pendingId}) is pending rotation.`,
  /** Recorded shape seen from real InvalidKeyUsageException answers (ground truth d.3). */
  keyUsageNotValid: (arn: string, usage: string, operation: string) =>
    `${arn} key usage is ${usage} which is not valid for ${operation}.`,
  /** Recorded for GenerateMac, VerifyMac, Encrypt and Sign (crypto ground truth §7 #5). */
  algorithmIncompatible: (algorithm: string, spec: string) => `Algorithm ${algorithm} is incompatible with key spec ${spec}.`,
  /** Recorded for all six RSA key spec and OAEP pairs (§7 #6). */
  plaintextTooLarge: (algorithm: string, spec: string, limit: number) =>
    `Algorithm ${algorithm} and key spec ${spec} cannot encrypt data larger than ${limit} bytes.`,
  /** Recorded for Sign with MessageType DIGEST (§7 #8). */
  digestLength: (algorithm: string) => `Digest is invalid length for algorithm ${algorithm}.`,
  /** Recorded (third party) for ML-DSA with DIGEST (§7 #9); the same form is used for other key specs. */
  messageTypeIncompatible: (messageType: string, spec: string) => `Message type ${messageType} is incompatible with key spec ${spec}.`,
  /** Recorded (§7 #11). */
  incorrectKey: 'The key ID in the request does not identify a CMK that can perform this operation.',
  /** Recorded (§7 #21). */
  dryRun: 'The request would have succeeded, but the DryRun option is set.',
  /** Recorded for CreateKey with a non-symmetric KeySpec and no KeyUsage (§7 #1). */
  keyUsageRequired: 'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.',
  /** Recorded for RSA_2048 with KEY_AGREEMENT (§7 #2), no final period; used for every invalid pair. */
  usageNotCompatible: (usage: string, spec: string) => `KeyUsage ${usage} is not compatible with KeySpec ${spec}`,
  /** Recorded for RotateKeyOnDemand of an EXTERNAL key with nothing imported as NEW_KEY_MATERIAL (key-management MGT-032). */
  noPendingMaterial: (arn: string) => `No available key material pending rotation for the key: ${arn}.`,
  /** Recorded after the on-demand quota was used up (MGT-014); no final period, as recorded. */
  rotationLimit: (arn: string) =>
    `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${arn}`,
  /** Recorded for GenerateRandom without NumberOfBytes (§7 #19). */
  numberOfBytesRequired: 'NumberOfBytes is required.',
} as const;
