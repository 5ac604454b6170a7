/**
 * @module reference/operations/kem
 * Encapsulate and Decapsulate (ML-KEM, FIPS 203). Decapsulate refuses only a ciphertext of the wrong
 * length; any other wrong ciphertext decapsulates to a pseudo-random secret (implicit rejection),
 * as the Decapsulate docs say (CRY-111, CRY-112). AWS has no recording of either operation.
 */
import { isMlKem } from '../crypto/key-pairs.ts';
import { decapsulate as decapsulateWith, encapsulate as encapsulateWith, mlKemCiphertextBytes } from '../crypto/primitives.ts';
import { kmsError } from '../errors.ts';
import type { KmsKey } from '../model/key.ts';
import { defineOperation } from './define.ts';
import { CRYPTOGRAPHIC } from './key-states.ts';
import { materialBytes, requireAlgorithm, requireUsage, stopIfDryRun } from './key-use.ts';

function kemSpec(key: KmsKey, op: 'Encapsulate' | 'Decapsulate', algorithm: string) {
  requireUsage(key, 'ENCAPSULATE_DECAPSULATE', op);
  requireAlgorithm(key, 'EncapsulationAlgorithms', algorithm);
  if (!isMlKem(key.keySpec)) throw new Error(`${key.keySpec} has usage ENCAPSULATE_DECAPSULATE`);
  return key.keySpec;
}

export const encapsulate = defineOperation({
  name: 'Encapsulate',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    const spec = kemSpec(key, 'Encapsulate', input.EncapsulationAlgorithm);
    stopIfDryRun(input);
    const { ciphertext, sharedSecret } = encapsulateWith(spec, materialBytes(key));
    return { KeyId: key.arn, SharedSecret: sharedSecret, SharedSecretCiphertextBlob: ciphertext, EncapsulationAlgorithm: input.EncapsulationAlgorithm };
  },
});

export const decapsulate = defineOperation({
  name: 'Decapsulate',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    const spec = kemSpec(key, 'Decapsulate', input.EncapsulationAlgorithm);
    if (input.SharedSecretCiphertextBlob.length !== mlKemCiphertextBytes(spec)) throw kmsError('InvalidCiphertextException');
    stopIfDryRun(input);
    return { KeyId: key.arn, SharedSecret: decapsulateWith(spec, materialBytes(key), input.SharedSecretCiphertextBlob), EncapsulationAlgorithm: input.EncapsulationAlgorithm };
  },
});
