/**
 * @module reference/crypto/primitives
 * The cryptography of the asymmetric and HMAC key specs, over material as key-pairs.ts holds it.
 * node:crypto does RSA, ECDH, Ed25519 and HMAC; @noble/curves signs and verifies a digest the
 * caller already computed (MessageType DIGEST: node:crypto always hashes its input) and does
 * Ed25519ph; @noble/post-quantum does ML-DSA and ML-KEM. RSA over a given digest is RFC 8017's
 * encoding (EMSA-PKCS1-v1_5, EMSA-PSS) around node:crypto's raw RSA operation.
 * Functions return undefined (or false) where the input is not valid for the key, and never throw
 * for hostile input.
 */
import {
  constants,
  createHash,
  createHmac,
  createPublicKey,
  diffieHellman,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  publicEncrypt,
  randomBytes,
  sign as nodeSign,
  timingSafeEqual,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { ed25519ph } from '@noble/curves/ed25519.js';
import type { KeySpec, SigningAlgorithmSpec } from '../api/kms-api.generated.ts';
import { octetString, oid, sequence, tlv } from './der.ts';
import { hashOf } from './key-specs.ts';
import { isMlDsa, ML_DSA, ML_KEM, parsed, type MlKemSpec } from './key-pairs.ts';

type Hash = ReturnType<typeof hashOf>;

const ECDSA_CURVES = { ECC_NIST_P256: p256, ECC_NIST_P384: p384, ECC_NIST_P521: p521, ECC_SECG_P256K1: secp256k1 } as const;

const jwkBytes = (key: KeyObject, field: 'd' | 'x' | 'y'): Buffer => Buffer.from(key.export({ format: 'jwk' })[field] as string, 'base64url');

function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

// ---- RSA -------------------------------------------------------------------------------------

/** RSAES-OAEP with the same hash for OAEP and MGF1 and an empty label, as AWS documents. */
export function rsaEncrypt(spec: KeySpec, material: Buffer, algorithm: 'RSAES_OAEP_SHA_1' | 'RSAES_OAEP_SHA_256', plaintext: Buffer): Buffer {
  const key = parsed(spec, material).publicKey!;
  return publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hashOf(algorithm) }, plaintext);
}

export function rsaDecrypt(spec: KeySpec, material: Buffer, algorithm: 'RSAES_OAEP_SHA_1' | 'RSAES_OAEP_SHA_256', ciphertext: Buffer): Buffer | undefined {
  const key = parsed(spec, material).privateKey!;
  return attempt(() => privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hashOf(algorithm) }, ciphertext));
}

const HASH_OIDS: Partial<Record<Hash, string>> = { sha256: '2.16.840.1.101.3.4.2.1', sha384: '2.16.840.1.101.3.4.2.2', sha512: '2.16.840.1.101.3.4.2.3' };

/** DigestInfo (RFC 8017 §9.2): the hash's AlgorithmIdentifier with NULL parameters, then the digest. */
function digestInfo(hash: Hash, digest: Buffer): Buffer {
  return sequence([sequence([oid(HASH_OIDS[hash]!), tlv(0x05, Buffer.alloc(0))]), octetString(digest)]);
}

function mgf1(hash: Hash, seed: Buffer, length: number): Buffer {
  const out: Buffer[] = [];
  for (let counter = 0, have = 0; have < length; counter++) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    const block = createHash(hash).update(seed).update(c).digest();
    out.push(block);
    have += block.length;
  }
  return Buffer.concat(out).subarray(0, length);
}

const xor = (a: Buffer, b: Buffer): Buffer => Buffer.from(a.map((v, i) => v ^ b[i]!));

/** EMSA-PSS-ENCODE (RFC 8017 §9.1.1) of a message hash, salt length = hash length. */
function pssEncode(hash: Hash, mHash: Buffer, emBits: number): Buffer {
  const hLen = mHash.length;
  const emLen = Math.ceil(emBits / 8);
  const salt = randomBytes(hLen);
  const h = createHash(hash).update(Buffer.alloc(8)).update(mHash).update(salt).digest();
  const db = Buffer.concat([Buffer.alloc(emLen - 2 * hLen - 2), Buffer.from([1]), salt]);
  const maskedDb = xor(db, mgf1(hash, h, db.length));
  maskedDb[0]! &= 0xff >> (8 * emLen - emBits);
  return Buffer.concat([maskedDb, h, Buffer.from([0xbc])]);
}

/** EMSA-PSS-VERIFY (RFC 8017 §9.1.2), salt length = hash length. */
function pssVerify(hash: Hash, mHash: Buffer, em: Buffer, emBits: number): boolean {
  const hLen = mHash.length;
  const emLen = Math.ceil(emBits / 8);
  if (em.length !== emLen || emLen < 2 * hLen + 2 || em[emLen - 1] !== 0xbc) return false;
  const maskedDb = em.subarray(0, emLen - hLen - 1);
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  const topMask = 0xff >> (8 * emLen - emBits);
  if ((maskedDb[0]! & ~topMask) !== 0) return false;
  const db = xor(maskedDb, mgf1(hash, h, maskedDb.length));
  db[0]! &= topMask;
  const psLen = emLen - 2 * hLen - 2;
  if (db.subarray(0, psLen).some((b) => b !== 0) || db[psLen] !== 1) return false;
  const salt = db.subarray(psLen + 1);
  const h2 = createHash(hash).update(Buffer.alloc(8)).update(mHash).update(salt).digest();
  return timingSafeEqual(h, h2);
}

function rsaSign(key: KeyObject, algorithm: SigningAlgorithmSpec, digest: Buffer): Buffer {
  const hash = hashOf(algorithm);
  if (algorithm.startsWith('RSASSA_PKCS1_V1_5')) return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo(hash, digest));
  const modBits = key.asymmetricKeyDetails!.modulusLength!;
  const em = pssEncode(hash, digest, modBits - 1);
  const k = modBits / 8;
  return privateEncrypt({ key, padding: constants.RSA_NO_PADDING }, Buffer.concat([Buffer.alloc(k - em.length), em]));
}

function rsaVerify(key: KeyObject, algorithm: SigningAlgorithmSpec, digest: Buffer, signature: Buffer): boolean {
  const hash = hashOf(algorithm);
  const modBits = key.asymmetricKeyDetails!.modulusLength!;
  if (signature.length !== modBits / 8) return false;
  if (algorithm.startsWith('RSASSA_PKCS1_V1_5')) {
    const decoded = attempt(() => publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature));
    const expected = digestInfo(hash, digest);
    return decoded !== undefined && decoded.length === expected.length && timingSafeEqual(decoded, expected);
  }
  const raw = attempt(() => publicDecrypt({ key, padding: constants.RSA_NO_PADDING }, signature));
  if (!raw) return false;
  const emLen = Math.ceil((modBits - 1) / 8);
  if (raw.subarray(0, raw.length - emLen).some((b) => b !== 0)) return false;
  return pssVerify(hash, digest, raw.subarray(raw.length - emLen), modBits - 1);
}

// ---- Signing, by key spec --------------------------------------------------------------------

/** What a signature is computed over: a digest of the message, the message itself, or ML-DSA's μ. */
export type SigningInput = { kind: 'digest'; digest: Buffer } | { kind: 'message'; message: Buffer } | { kind: 'mu'; mu: Buffer };

/** Signs; `input` has been checked against the algorithm and message type by the caller. */
export function sign(spec: KeySpec, material: Buffer, algorithm: SigningAlgorithmSpec, input: SigningInput): Buffer {
  const p = parsed(spec, material);
  if (isMlDsa(spec)) {
    const dsa = ML_DSA[spec];
    const sk = p.pq!.secretKey;
    return Buffer.from(input.kind === 'mu' ? dsa.internal.sign(input.mu, sk, { externalMu: true }) : dsa.sign((input as { message: Buffer }).message, sk));
  }
  if (spec === 'ECC_NIST_EDWARDS25519') {
    if (input.kind === 'digest') return Buffer.from(ed25519ph.sign(input.digest, jwkBytes(p.privateKey!, 'd')));
    return cryptoSign(p.privateKey!, (input as { message: Buffer }).message);
  }
  const digest = (input as { digest: Buffer }).digest;
  if (spec in ECDSA_CURVES) {
    const curve = ECDSA_CURVES[spec as keyof typeof ECDSA_CURVES];
    return Buffer.from(curve.sign(digest, jwkBytes(p.privateKey!, 'd'), { prehash: false, format: 'der' }));
  }
  return rsaSign(p.privateKey!, algorithm, digest);
}

/** Verifies; false for any signature that is not valid, malformed ones included. */
export function verify(spec: KeySpec, material: Buffer, algorithm: SigningAlgorithmSpec, input: SigningInput, signature: Buffer): boolean {
  const p = parsed(spec, material);
  return (
    attempt(() => {
      if (isMlDsa(spec)) {
        const dsa = ML_DSA[spec];
        const pk = p.pq!.publicKey;
        return input.kind === 'mu' ? dsa.internal.verify(signature, input.mu, pk, { externalMu: true }) : dsa.verify(signature, (input as { message: Buffer }).message, pk);
      }
      if (spec === 'ECC_NIST_EDWARDS25519') {
        const pub = jwkBytes(p.publicKey!, 'x');
        if (input.kind === 'digest') return ed25519ph.verify(signature, input.digest, pub);
        return cryptoVerify(p.publicKey!, (input as { message: Buffer }).message, signature);
      }
      const digest = (input as { digest: Buffer }).digest;
      if (spec in ECDSA_CURVES) {
        const curve = ECDSA_CURVES[spec as keyof typeof ECDSA_CURVES];
        const pub = Buffer.concat([Buffer.from([4]), jwkBytes(p.publicKey!, 'x'), jwkBytes(p.publicKey!, 'y')]);
        return curve.verify(signature, digest, pub, { prehash: false, format: 'der' });
      }
      return rsaVerify(p.publicKey!, algorithm, digest, signature);
    }) === true
  );
}

const cryptoSign = (key: KeyObject, message: Buffer): Buffer => nodeSign(null, message, key);
const cryptoVerify = (key: KeyObject, message: Buffer, signature: Buffer): boolean => nodeVerify(null, message, key, signature);

// ---- HMAC, ECDH, ML-KEM ----------------------------------------------------------------------

export function hmac(algorithm: string, key: Buffer, message: Buffer): Buffer {
  return createHmac(hashOf(algorithm), key).update(message).digest();
}

export function hmacMatches(algorithm: string, key: Buffer, message: Buffer, mac: Buffer): boolean {
  const expected = hmac(algorithm, key, message);
  return mac.length === expected.length && timingSafeEqual(mac, expected);
}

/**
 * The raw ECDH shared secret (the x-coordinate, no KDF) of the key and a peer's DER SPKI on the same
 * curve; undefined when the peer key is not one.
 */
export function ecdh(spec: KeySpec, material: Buffer, peerSpki: Buffer): Buffer | undefined {
  const p = parsed(spec, material);
  return attempt(() => {
    const peer = createPublicKey({ key: peerSpki, format: 'der', type: 'spki' });
    if (peer.asymmetricKeyType !== 'ec' || peer.asymmetricKeyDetails?.namedCurve !== p.publicKey!.asymmetricKeyDetails?.namedCurve) return undefined;
    return diffieHellman({ privateKey: p.privateKey!, publicKey: peer });
  });
}

export function encapsulate(spec: MlKemSpec, material: Buffer): { ciphertext: Buffer; sharedSecret: Buffer } {
  const { cipherText, sharedSecret } = ML_KEM[spec].encapsulate(parsed(spec, material).pq!.publicKey);
  return { ciphertext: Buffer.from(cipherText), sharedSecret: Buffer.from(sharedSecret) };
}

/** Ciphertext length of a spec (FIPS 203 Table 3). */
export const mlKemCiphertextBytes = (spec: MlKemSpec): number => ML_KEM[spec].lengths.cipherText!;

/** FIPS 203 decapsulation, implicit rejection included: a well-sized but wrong ciphertext gives a pseudo-random secret. */
export function decapsulate(spec: MlKemSpec, material: Buffer, ciphertext: Buffer): Buffer {
  return Buffer.from(ML_KEM[spec].decapsulate(ciphertext, parsed(spec, material).pq!.secretKey));
}
