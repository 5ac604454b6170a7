/**
 * @module reference/operations/signing
 * What Sign and Verify share: the key must be a signing key, the algorithm one of its spec's, and
 * the message of a type the algorithm takes (ground truth §2.9):
 * - RAW (the default): the message is hashed with the algorithm's hash (ML-DSA and Ed25519 sign it whole);
 * - DIGEST: the message is that hash already, of exactly its length (recorded message, CRY-068);
 *   ML-DSA refuses it (third-party recording, CRY-078), Ed25519 takes it only as ED25519_PH_SHA_512;
 * - EXTERNAL_MU: ML-DSA only, the 64-byte μ of FIPS 204.
 */
import { createHash } from 'node:crypto';
import type { KeySpec, MessageType, OperationName, SigningAlgorithmSpec } from '../api/kms-api.generated.ts';
import { isMlDsa } from '../crypto/key-pairs.ts';
import { hashOf } from '../crypto/key-specs.ts';
import type { SigningInput } from '../crypto/primitives.ts';
import { kmsError, messages } from '../errors.ts';
import type { KmsKey } from '../model/key.ts';
import { requireAlgorithm, requireUsage } from './key-use.ts';

const MU_BYTES = 64;

const invalid = (message: string) => kmsError('ValidationException', message);

function inputFor(spec: KeySpec, algorithm: SigningAlgorithmSpec, type: MessageType, message: Buffer): SigningInput {
  if (isMlDsa(spec)) {
    if (type === 'DIGEST') throw invalid(messages.messageTypeIncompatible(type, spec));
    if (type === 'EXTERNAL_MU') {
      // AWS's text for a μ of the wrong length is not known.
      if (message.length !== MU_BYTES) throw invalid(`The EXTERNAL_MU message must be ${MU_BYTES} bytes.`);
      return { kind: 'mu', mu: message };
    }
    return { kind: 'message', message };
  }
  if (type === 'EXTERNAL_MU') throw invalid(messages.messageTypeIncompatible(type, spec));
  if (spec === 'ECC_NIST_EDWARDS25519') {
    // ED25519_SHA_512 takes RAW only, ED25519_PH_SHA_512 DIGEST only; AWS's full text is not
    // known beyond its start ("Message type RAW is incompatible", third-party recording, CRY-079).
    const wanted: MessageType = algorithm === 'ED25519_PH_SHA_512' ? 'DIGEST' : 'RAW';
    if (type !== wanted) throw invalid(`Message type ${type} is incompatible with signing algorithm ${algorithm}.`);
    if (type === 'RAW') return { kind: 'message', message };
    if (message.length !== 64) throw invalid(messages.digestLength(algorithm));
    return { kind: 'digest', digest: message };
  }
  const hash = hashOf(algorithm);
  if (type === 'RAW') return { kind: 'digest', digest: createHash(hash).update(message).digest() };
  if (message.length !== createHash(hash).digest().length) throw invalid(messages.digestLength(algorithm));
  return { kind: 'digest', digest: message };
}

/** Checks a Sign or Verify request against the key and returns what the signature covers. */
export function signingInput(key: KmsKey, op: OperationName, r: { SigningAlgorithm: SigningAlgorithmSpec; MessageType?: MessageType; Message: Buffer }): SigningInput {
  requireUsage(key, 'SIGN_VERIFY', op);
  requireAlgorithm(key, 'SigningAlgorithms', r.SigningAlgorithm);
  return inputFor(key.keySpec, r.SigningAlgorithm, r.MessageType ?? 'RAW', r.Message);
}
