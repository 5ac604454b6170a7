/**
 * @module reference/operations/verify
 * Verify: a valid signature answers SignatureValid true; an invalid one is never `false` but
 * KMSInvalidSignatureException with no message (recorded, CRY-083). The message type need not be
 * the one used to sign: a digest covers the same hash (Verify docs, CRY-086).
 */
import { verify as verifyWith } from '../crypto/primitives.ts';
import { kmsError } from '../errors.ts';
import { defineOperation } from './define.ts';
import { CRYPTOGRAPHIC } from './key-states.ts';
import { materialBytes, stopIfDryRun } from './key-use.ts';
import { signingInput } from './signing.ts';

export const verify = defineOperation({
  name: 'Verify',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    const covered = signingInput(key, 'Verify', input);
    const valid = verifyWith(key.keySpec, materialBytes(key), input.SigningAlgorithm, covered, input.Signature);
    if (!valid) throw kmsError('KMSInvalidSignatureException');
    stopIfDryRun(input);
    return { KeyId: key.arn, SignatureValid: true, SigningAlgorithm: input.SigningAlgorithm };
  },
});
