/**
 * @module reference/operations/sign
 * Sign: a signature by the key's private key, in the encoding of its algorithm (PKCS #1 for RSA
 * with PSS salt = hash length, DER for ECDSA, 64 bytes for Ed25519, FIPS 204 for ML-DSA).
 */
import { sign as signWith } from '../crypto/primitives.ts';
import { defineOperation } from './define.ts';
import { CRYPTOGRAPHIC } from './key-states.ts';
import { materialBytes, stopIfDryRun } from './key-use.ts';
import { signingInput } from './signing.ts';

export const sign = defineOperation({
  name: 'Sign',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    const covered = signingInput(key, 'Sign', input);
    stopIfDryRun(input);
    const signature = signWith(key.keySpec, materialBytes(key), input.SigningAlgorithm, covered);
    return { KeyId: key.arn, Signature: signature, SigningAlgorithm: input.SigningAlgorithm };
  },
});
