/**
 * @module reference/operations/derive-shared-secret
 * DeriveSharedSecret: the raw ECDH shared secret of the key's private key and a peer's public key
 * on the same curve, with no key derivation function (recorded equal to OpenSSL's, CRY-101).
 */
import { ecdh } from '../crypto/primitives.ts';
import { kmsError } from '../errors.ts';
import { readWhole } from '../crypto/der.ts';
import { defineOperation } from './define.ts';
import { CRYPTOGRAPHIC } from './key-states.ts';
import { materialBytes, refuseRecipient, requireAlgorithm, requireUsage, stopIfDryRun } from './key-use.ts';

export const deriveSharedSecret = defineOperation({
  name: 'DeriveSharedSecret',
  keys: { states: CRYPTOGRAPHIC, aliases: true, crossAccount: true },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    requireUsage(key, 'KEY_AGREEMENT', 'DeriveSharedSecret');
    requireAlgorithm(key, 'KeyAgreementAlgorithms', input.KeyAgreementAlgorithm);
    // Bytes that are not DER at all get AWS's recorded empty-message ValidationException (CRY-104);
    // a public key of another curve or type is refused too, with the reference's own words (CRY-105).
    if (!readWhole(input.PublicKey)) throw kmsError('ValidationException', '');
    const secret = ecdh(key.keySpec, materialBytes(key), input.PublicKey);
    if (!secret) throw kmsError('ValidationException', `The public key must be a DER-encoded SubjectPublicKeyInfo on the curve of ${key.keySpec}.`);
    refuseRecipient(input.Recipient);
    stopIfDryRun(input);
    return { KeyId: key.arn, SharedSecret: secret, KeyAgreementAlgorithm: 'ECDH', KeyOrigin: key.origin };
  },
});
