/**
 * The model of the lifecycle check: what each key is, as far as the key-state table (ground truth
 * section b) and the transitions of c.7 and c.8 can tell. It is deliberately smaller than a KMS:
 * four states, whether material was ever imported, whether it is present now.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html
 */

export type KeyState = 'Enabled' | 'Disabled' | 'PendingImport' | 'PendingDeletion';
export type Origin = 'EXTERNAL' | 'AWS_KMS';

/** Keys one run may create; commands name them k1…k3 in creation order. */
export const MAX_KEYS = 3;

export interface ModelKey {
  readonly origin: Origin;
  state: KeyState;
  /** Material was imported at least once; the first material stays bound to the key (REQ-I10). */
  bound: boolean;
  /** The key has usable material now (AWS_KMS keys always do). */
  present: boolean;
}

export interface LifecycleModel {
  keys: ModelKey[];
}

/**
 * What the target must answer: success, after which the key is in one of `states` (more than one
 * only where AWS is unknown: `unknown` names the question, and the target's choice is observed);
 * or a refusal with one of `codes` (HTTP 400), the key unchanged.
 */
export type Outcome = { ok: true; states: readonly KeyState[]; unknown?: string } | { ok: false; codes: readonly string[] };

const ok = (...states: KeyState[]): Outcome => ({ ok: true, states });
const refused = (...codes: string[]): Outcome => ({ ok: false, codes });
const INVALID_STATE = 'KMSInvalidStateException';

/** An EXTERNAL key that lost its material but is Disabled: reachable only if a target answers CancelKeyDeletion that way (REQ-S5 is unknown). */
export function disabledWithoutMaterial(k: ModelKey): boolean {
  return k.state === 'Disabled' && !k.present;
}

/** The rules, one per operation; `applicable` is false where even the documentation gives no answer. */
export const rules = {
  /** REQ-D1…D5; key-state table row DeleteImportedKeyMaterial. */
  deleteImportedKeyMaterial(k: ModelKey): Outcome {
    if (k.origin !== 'EXTERNAL') return refused('UnsupportedOperationException');
    return k.state === 'PendingDeletion' ? ok('PendingDeletion') : ok('PendingImport');
  },

  /** REQ-S1, REQ-S2, REQ-D8; footnotes [3] and [5]. */
  enableKey(k: ModelKey): Outcome {
    return k.state === 'Enabled' || k.state === 'Disabled' ? ok('Enabled') : refused(INVALID_STATE);
  },
  disableKey(k: ModelKey): Outcome {
    return k.state === 'Enabled' || k.state === 'Disabled' ? ok('Disabled') : refused(INVALID_STATE);
  },
  enableApplicable: (k: ModelKey) => !disabledWithoutMaterial(k),

  /** REQ-S3, REQ-S4. */
  scheduleKeyDeletion(k: ModelKey): Outcome {
    return k.state === 'PendingDeletion' ? refused(INVALID_STATE) : ok('PendingDeletion');
  },

  /** REQ-S5: Disabled; for an EXTERNAL key without material AWS does not say. Footnote [4] otherwise. */
  cancelKeyDeletion(k: ModelKey): Outcome {
    if (k.state !== 'PendingDeletion') return refused(INVALID_STATE);
    if (k.present) return ok('Disabled');
    return { ok: true, states: ['Disabled', 'PendingImport'], unknown: 'state after CancelKeyDeletion of an EXTERNAL key without material' };
  },

  /** GetParametersForImport + ImportKeyMaterial of the key's own material: REQ-G1, REQ-G6, REQ-I1, REQ-I8, REQ-I9, REQ-I16. */
  importSameMaterial(k: ModelKey): Outcome {
    if (k.origin !== 'EXTERNAL') return refused('UnsupportedOperationException');
    if (k.state === 'PendingDeletion') return refused(INVALID_STATE);
    if (k.state === 'Disabled') return { ok: true, states: ['Disabled', 'Enabled'], unknown: 'state after reimporting material into a Disabled key' };
    return ok('Enabled');
  },

  /** Different material into a key that already has (or had) some: REQ-I10. */
  importDifferentMaterial(k: ModelKey): Outcome {
    if (k.origin !== 'EXTERNAL') return refused('UnsupportedOperationException');
    if (k.state === 'PendingDeletion') return refused(INVALID_STATE);
    return refused('IncorrectKeyMaterialException');
  },
  /** Into a key that never had material, any material is simply its first. */
  importDifferentApplicable: (k: ModelKey) => k.origin !== 'EXTERNAL' || k.bound,

  /** REQ-S6, REQ-E1, REQ-D7; footnotes [1], [2] or [3], [5]. */
  encrypt(k: ModelKey): Outcome {
    switch (k.state) {
      case 'Enabled':
        return ok('Enabled');
      case 'Disabled':
        return disabledWithoutMaterial(k) ? refused('DisabledException', INVALID_STATE) : refused('DisabledException');
      case 'PendingImport':
        return refused(INVALID_STATE);
      case 'PendingDeletion':
        return refused('DisabledException', INVALID_STATE);
    }
  },

  /** REQ-S7: every state. */
  describeKey(k: ModelKey): Outcome {
    return ok(k.state);
  },
};

/** A new key as CreateKey makes it (REQ-C1, REQ-C3). */
export function createdKey(origin: Origin): ModelKey {
  return origin === 'EXTERNAL'
    ? { origin, state: 'PendingImport', bound: false, present: false }
    : { origin, state: 'Enabled', bound: true, present: true };
}
