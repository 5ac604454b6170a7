/**
 * The model of the key-material check: a symmetric key and the materials it has had, as rotation
 * (key-management §1) and the 2025 imported-material rules (import ground truth REQ-I11…I15, REQ-D9)
 * describe them. A material is current, non-current (rotated away, still decrypting) or pending
 * rotation (imported with NEW_KEY_MATERIAL, not yet used); imported materials can be absent
 * (deleted). The key is Enabled exactly when every material it is permanently bound to is present.
 */

export type Origin = 'AWS_KMS' | 'EXTERNAL';
export type MaterialStatus = 'CURRENT' | 'NON_CURRENT' | 'PENDING_ROTATION';

export interface ModelMaterial {
  /** KeyMaterialId, as the target reported it. */
  id: string;
  status: MaterialStatus;
  present: boolean;
  /** The secret bytes of imported material (to reimport it). */
  bytes?: Buffer;
}

export interface Ciphertext {
  blob: Uint8Array;
  plaintext: Buffer;
  /** The material that was current when it was made. */
  materialId: string;
}

export interface MaterialKey {
  readonly origin: Origin;
  readonly keyId: string;
  materials: ModelMaterial[];
  onDemandRotations: number;
  ciphertexts: Ciphertext[];
}

export interface MaterialModel {
  keys: MaterialKey[];
}

/** AWS's quota of on-demand rotations per key. */
export const ON_DEMAND_LIMIT = 25;

/** Enabled when every permanently bound material is present (REQ-I15, REQ-D1); PendingImport otherwise. */
export function stateOf(k: MaterialKey): 'Enabled' | 'PendingImport' {
  return k.materials.filter((m) => m.status !== 'PENDING_ROTATION').every((m) => m.present) ? 'Enabled' : 'PendingImport';
}

export const currentOf = (k: MaterialKey): ModelMaterial => k.materials.find((m) => m.status === 'CURRENT')!;
export const pendingOf = (k: MaterialKey): ModelMaterial | undefined => k.materials.find((m) => m.status === 'PENDING_ROTATION');

/** What the target must answer: success, or a refusal with one of `codes` (HTTP 400). */
export type Outcome = { ok: true } | { ok: false; codes: readonly string[] };
const ok: Outcome = { ok: true };
const refused = (...codes: string[]): Outcome => ({ ok: false, codes });

export const rules = {
  /** Cryptographic use: an Enabled key only (footnote [5] when PendingImport, REQ-D7). */
  encrypt: (k: MaterialKey): Outcome => (stateOf(k) === 'Enabled' ? ok : refused('KMSInvalidStateException')),

  /**
   * RotateKeyOnDemand, in the recorded order of checks: key state, pending material (EXTERNAL), quota
   * (MGT-016, MGT-017, MGT-032, MGT-152).
   */
  rotate(k: MaterialKey): Outcome {
    if (stateOf(k) !== 'Enabled') return refused('KMSInvalidStateException');
    if (k.origin === 'EXTERNAL' && !pendingOf(k)) return refused('KMSInvalidStateException');
    if (k.onDemandRotations >= ON_DEMAND_LIMIT) return refused('LimitExceededException');
    return ok;
  },

  /** ImportKeyMaterial with NEW_KEY_MATERIAL: one pending material at a time (REQ-I11, REQ-I12). */
  importNew: (k: MaterialKey): Outcome => (pendingOf(k) ? refused('KMSInvalidStateException') : ok),
};
