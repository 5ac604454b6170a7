/**
 * @module reference/errors
 * The one error catalogue of the reference endpoint. Handlers throw these; `protocol/error-response.ts`
 * is the only place that turns them into wire responses.
 *
 * Status codes: every client error that AWS KMS was recorded returning is HTTP 400, although the
 * Smithy model says 404/409/412 for some of them (ground truth a.1, REQ-P4). The recordings win.
 */

/** Every error name the reference can emit; a typo in a handler fails to compile. */
export type KmsErrorName =
  | 'AccessDeniedException'
  | 'AlreadyExistsException'
  | 'DisabledException'
  | 'DryRunOperationException'
  | 'ExpiredImportTokenException'
  | 'IncompleteSignatureException'
  | 'IncorrectKeyException'
  | 'IncorrectKeyMaterialException'
  | 'InvalidAliasNameException'
  | 'InvalidArnException'
  | 'InvalidCiphertextException'
  | 'InvalidImportTokenException'
  | 'InvalidKeyUsageException'
  | 'InvalidMarkerException'
  | 'InvalidSignatureException'
  | 'KMSInternalException'
  | 'KMSInvalidStateException'
  | 'LimitExceededException'
  | 'MissingAuthenticationTokenException'
  | 'NotAuthorizedException'
  | 'NotFoundException'
  | 'SerializationException'
  | 'TagException'
  | 'ThrottlingException'
  | 'UnknownOperationException'
  | 'UnrecognizedClientException'
  | 'UnsupportedOperationException'
  | 'ValidationException';

/** Errors that are server faults (5xx); everything else is a client error answered with 400. */
const SERVER_FAULTS: ReadonlySet<KmsErrorName> = new Set(['KMSInternalException']);

/**
 * A KMS error with its wire identity. `message` may be `undefined`: AWS sends some errors
 * (InvalidCiphertextException among them, REQ-P5) with no message at all.
 */
export class KmsError extends Error {
  override readonly name: KmsErrorName;
  readonly fault: 'client' | 'server';
  readonly status: number;
  readonly wireMessage: string | undefined;

  constructor(name: KmsErrorName, message?: string, status?: number) {
    super(message ?? name);
    this.name = name;
    this.wireMessage = message;
    this.fault = SERVER_FAULTS.has(name) ? 'server' : 'client';
    this.status = status ?? (this.fault === 'server' ? 500 : 400);
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
} as const;
