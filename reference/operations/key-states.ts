/**
 * @module reference/operations/key-states
 * The key-state table as data: for each operation, what each of the eight key states does (ground
 * truth: key-management §8, from the developer guide's key-state page; footnote numbers below are
 * that table's). A table must name every state, so a new state in the model is a compile error
 * until each operation says what it does there.
 */
import type { KeyState } from '../api/kms-api.generated.ts';
import { kmsError, messages, type KmsError, type KmsErrorName } from '../errors.ts';

/** A refusal: the error an operation answers in a state it does not allow. */
export interface Refusal {
  readonly error: KmsErrorName;
  readonly message: (arn: string) => string;
}

export type StateRule = 'allow' | Refusal;
export type StateTable = Readonly<Record<KeyState, StateRule>>;

const refusal = (error: KmsErrorName, message: (arn: string) => string): Refusal => ({ error, message });

/** The footnoted answers of the table. */
export const REFUSE = {
  /** [1] */
  disabled: refusal('DisabledException', messages.disabled),
  /** [3]; also the recorded answer of GenerateDataKey for [2]-or-[3]. */
  pendingDeletion: refusal('KMSInvalidStateException', messages.pendingDeletion),
  /** [4] */
  notPendingDeletion: refusal('KMSInvalidStateException', messages.notPendingDeletion),
  /** [5] */
  pendingImport: refusal('KMSInvalidStateException', messages.pendingImport),
  /** [11] */
  unavailable: refusal('KMSInvalidStateException', messages.unavailable),
  /** [14] */
  creating: refusal('KMSInvalidStateException', messages.creating),
  /** [15] */
  updating: refusal('KMSInvalidStateException', messages.updating),
} as const;

const allow = 'allow' as const;

/** Every state proceeds (DescribeKey, ListAliases, ListResourceTags, DeleteAlias, …). */
export const ANY_STATE: StateTable = {
  Creating: allow, Enabled: allow, Disabled: allow, PendingDeletion: allow, PendingImport: allow,
  PendingReplicaDeletion: allow, Unavailable: allow, Updating: allow,
};

/** Cryptographic use of a key (Encrypt, Decrypt, GenerateDataKey…): an Enabled key only. */
export const CRYPTOGRAPHIC: StateTable = {
  Enabled: allow,
  Disabled: REFUSE.disabled,
  PendingDeletion: REFUSE.pendingDeletion,
  PendingReplicaDeletion: REFUSE.pendingDeletion,
  PendingImport: REFUSE.pendingImport,
  Unavailable: REFUSE.unavailable,
  Creating: REFUSE.creating,
  Updating: allow,
};

/** EnableKey and DisableKey: Enabled or Disabled (Unavailable succeeds, footnote [12]). */
export const ENABLE_DISABLE: StateTable = {
  Enabled: allow,
  Disabled: allow,
  PendingDeletion: REFUSE.pendingDeletion,
  PendingReplicaDeletion: REFUSE.pendingDeletion,
  PendingImport: REFUSE.pendingImport,
  Unavailable: allow,
  Creating: REFUSE.creating,
  Updating: REFUSE.updating,
};

/** Anything but pending deletion (CreateAlias's target, TagResource, UntagResource, UpdateKeyDescription). */
export const NOT_PENDING_DELETION: StateTable = {
  ...ANY_STATE,
  PendingDeletion: REFUSE.pendingDeletion,
  PendingReplicaDeletion: REFUSE.pendingDeletion,
};

/** ScheduleKeyDeletion: not already pending deletion, not while updating. */
export const SCHEDULE_DELETION: StateTable = { ...NOT_PENDING_DELETION, Updating: REFUSE.updating };

/** CancelKeyDeletion: only a key pending deletion ([4] everywhere else). */
export const CANCEL_DELETION: StateTable = {
  Creating: REFUSE.notPendingDeletion, Enabled: REFUSE.notPendingDeletion, Disabled: REFUSE.notPendingDeletion,
  PendingImport: REFUSE.notPendingDeletion, Unavailable: REFUSE.notPendingDeletion, Updating: REFUSE.notPendingDeletion,
  PendingDeletion: allow, PendingReplicaDeletion: allow,
};

/** GetParametersForImport ([8], [9], [14], [15]); ImportKeyMaterial is the same but proceeds while updating. */
export const IMPORT_PARAMETERS: StateTable = {
  Enabled: allow,
  Disabled: allow,
  PendingImport: allow,
  PendingDeletion: REFUSE.pendingDeletion,
  PendingReplicaDeletion: REFUSE.pendingDeletion,
  Unavailable: REFUSE.unavailable,
  Creating: REFUSE.creating,
  Updating: REFUSE.updating,
};
export const IMPORT_MATERIAL: StateTable = { ...IMPORT_PARAMETERS, Updating: allow };

/** DeleteImportedKeyMaterial: every state of an EXTERNAL key ([9]; PendingImport has no effect). */
export const DELETE_MATERIAL: StateTable = { ...ANY_STATE, Creating: REFUSE.creating, Updating: REFUSE.updating };

/** The error a refused state answers for `arn`. */
export function refusalError(rule: Refusal, arn: string): KmsError {
  return kmsError(rule.error, rule.message(arn));
}

/** EnableKeyRotation and DisableKeyRotation ([1], [3], [14]; key-management §8): the cryptographic row. */
export const ROTATION_SETTINGS: StateTable = { ...CRYPTOGRAPHIC };

/** RotateKeyOnDemand: an Enabled key (recorded: DisabledException, "pending import."; MGT-016, MGT-032). */
export const ROTATE_ON_DEMAND: StateTable = { ...ROTATION_SETTINGS };
