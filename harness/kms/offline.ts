/**
 * @module harness/kms/offline
 * The client side of asymmetric cryptography, independent of any target: verifying a signature
 * with the public key GetPublicKey returned, encrypting to it, agreeing on a secret with it, and
 * making private keys to import. node:crypto covers RSA, ECDSA, ECDH and Ed25519; @noble covers
 * Ed25519ph and ML-DSA/ML-KEM, which node:crypto on Node 20 does not have.
 */
import { constants, createHash, createPublicKey, diffieHellman, generateKeyPairSync, publicEncrypt, verify, type KeyObject } from 'node:crypto';
import type { KeySpec } from '@aws-sdk/client-kms';
import { ed25519ph } from '@noble/curves/ed25519.js';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { ml_kem1024, ml_kem512, ml_kem768 } from '@noble/post-quantum/ml-kem.js';
import { hashOf } from './key-specs.ts';

export const CURVE_OF: Partial<Record<KeySpec, string>> = {
  ECC_NIST_P256: 'prime256v1',
  ECC_NIST_P384: 'secp384r1',
  ECC_NIST_P521: 'secp521r1',
  ECC_SECG_P256K1: 'secp256k1',
};
const ML_DSA = { ML_DSA_44: ml_dsa44, ML_DSA_65: ml_dsa65, ML_DSA_87: ml_dsa87 } as const;
export const ML_KEM = { ML_KEM_512: ml_kem512, ML_KEM_768: ml_kem768, ML_KEM_1024: ml_kem1024 } as const;

/** A DER SubjectPublicKeyInfo node:crypto can read (RSA, EC, Ed25519), or undefined. */
export function nodePublicKey(der: Uint8Array): KeyObject | undefined {
  try {
    return createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

/**
 * The algorithm OID and key bits of a DER SubjectPublicKeyInfo whose AlgorithmIdentifier has no
 * parameters (the ML-DSA and ML-KEM form): SEQUENCE { SEQUENCE { OID }, BIT STRING }.
 */
export function spkiKeyBits(der: Uint8Array): { oid: string; key: Buffer } | undefined {
  const b = Buffer.from(der);
  const len = (o: number): [number, number] | undefined => {
    const first = b[o];
    if (first === undefined) return undefined;
    if (first < 0x80) return [first, o + 1];
    const n = first & 0x7f;
    let v = 0;
    for (let i = 1; i <= n; i++) v = v * 256 + (b[o + i] ?? 0);
    return [v, o + 1 + n];
  };
  if (b[0] !== 0x30) return undefined;
  const outer = len(1);
  if (!outer || outer[0] + outer[1] !== b.length || b[outer[1]] !== 0x30) return undefined;
  const alg = len(outer[1] + 1);
  if (!alg || b[alg[1]] !== 0x06) return undefined;
  const oidLen = len(alg[1] + 1);
  if (!oidLen) return undefined;
  const oidBytes = b.subarray(oidLen[1], oidLen[1] + oidLen[0]);
  const arcs = [Math.floor(oidBytes[0]! / 40), oidBytes[0]! % 40];
  for (let i = 1, v = 0; i < oidBytes.length; i++) {
    v = v * 128 + (oidBytes[i]! & 0x7f);
    if (!(oidBytes[i]! & 0x80)) (arcs.push(v), (v = 0));
  }
  const bits = alg[1] + alg[0];
  if (b[bits] !== 0x03) return undefined;
  const bitLen = len(bits + 1);
  if (!bitLen || b[bitLen[1]] !== 0) return undefined;
  return { oid: arcs.join('.'), key: b.subarray(bitLen[1] + 1, bitLen[1] + bitLen[0]) };
}

/** NIST's OIDs of ML-DSA and ML-KEM public keys. */
export const PQ_OID: Partial<Record<KeySpec, string>> = {
  ML_DSA_44: '2.16.840.1.101.3.4.3.17',
  ML_DSA_65: '2.16.840.1.101.3.4.3.18',
  ML_DSA_87: '2.16.840.1.101.3.4.3.19',
  ML_KEM_512: '2.16.840.1.101.3.4.4.1',
  ML_KEM_768: '2.16.840.1.101.3.4.4.2',
  ML_KEM_1024: '2.16.840.1.101.3.4.4.3',
};

export interface SignedMessage {
  spec: KeySpec;
  algorithm: string;
  /** How the target was asked to sign: the message itself, or its digest. */
  messageType: 'RAW' | 'DIGEST';
  /** The original message (for DIGEST, the message whose digest was sent). */
  message: Uint8Array;
  signature: Uint8Array;
}

/**
 * Verifies a signature the way its algorithm defines, with the DER public key: RSA PKCS #1 v1.5 and
 * PSS (salt = hash length), DER ECDSA, Ed25519 (pure for RAW, Ed25519ph over the SHA-512 digest for
 * DIGEST), ML-DSA (FIPS 204, empty context). For RSA and ECDSA a signature over a digest is the
 * signature of the message it is the digest of, so both are verified against the message.
 */
export function verifyOffline(publicKeyDer: Uint8Array, s: SignedMessage): boolean {
  const signature = Buffer.from(s.signature);
  const message = Buffer.from(s.message);
  try {
    if (s.spec.startsWith('ML_DSA')) {
      const bits = spkiKeyBits(publicKeyDer);
      return bits !== undefined && s.messageType === 'RAW' && ML_DSA[s.spec as keyof typeof ML_DSA].verify(signature, message, bits.key);
    }
    const key = nodePublicKey(publicKeyDer);
    if (!key) return false;
    if (s.spec === 'ECC_NIST_EDWARDS25519') {
      if (s.messageType === 'RAW') return verify(null, message, key, signature);
      const digest = createHash('sha512').update(message).digest();
      return ed25519ph.verify(signature, digest, Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url'));
    }
    const hash = hashOf(s.algorithm);
    const pss = s.algorithm.startsWith('RSASSA_PSS');
    const options = { key, ...(pss && { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(hash.slice(3)) / 8 }), dsaEncoding: 'der' as const };
    return verify(hash, message, options, signature);
  } catch {
    return false;
  }
}

/** Encrypts to an RSA public key with RSAES-OAEP as AWS does (same hash for OAEP and MGF1, empty label). */
export function oaepEncrypt(publicKeyDer: Uint8Array, algorithm: 'RSAES_OAEP_SHA_1' | 'RSAES_OAEP_SHA_256', plaintext: Buffer): Buffer {
  return publicEncrypt({ key: nodePublicKey(publicKeyDer)!, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hashOf(algorithm) }, plaintext);
}

/** A fresh local EC key pair on a spec's curve, and the ECDH secret with a peer's DER public key. */
export function localEcdh(spec: KeySpec, peerDer: Uint8Array): { publicKeyDer: Buffer; secret: Buffer } {
  const local = generateKeyPairSync('ec', { namedCurve: CURVE_OF[spec]! });
  return { publicKeyDer: local.publicKey.export({ type: 'spki', format: 'der' }), secret: diffieHellman({ privateKey: local.privateKey, publicKey: nodePublicKey(peerDer)! }) };
}

/** SHA digest of a message by algorithm name. */
export function digestFor(algorithm: string, message: Uint8Array): Buffer {
  return createHash(hashOf(algorithm)).update(message).digest();
}
