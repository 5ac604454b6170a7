/**
 * Sign and Verify: the answers AWS was recorded giving, signatures that verify offline under the
 * key GetPublicKey returns (RSA PKCS #1 v1.5 and PSS, DER ECDSA, Ed25519, ML-DSA), message types,
 * and the refusals for a wrong digest, key usage, algorithm or message type (crypto ground truth
 * §2.9, §2.10, requirements CRY-065…CRY-087).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Sign.html
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Verify.html
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  GetPublicKeyCommand,
  SignCommand,
  VerifyCommand,
  type KeySpec,
  type KMSClient,
  type MessageType,
  type SigningAlgorithmSpec,
} from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import type { RawResponse } from '#harness/clients/raw-client.ts';
import { createKeyOf, createKmsKey, digestFor, HASHED_SIGNING, spkiKeyBits, verifyOffline } from '#harness/kms/index.ts';
import { answerOf, apiRef, expectClientError, expectKmsError, expectRawClientError, expectRawError, members, recorded, requirement, type RequirementSource, type SpecContext } from '#harness/spec/index.ts';

const SIGN = apiRef('Sign');
const VERIFY = apiRef('Verify');
const ML_DSA_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/mldsa.html';
const FLOCI_ED25519 = 'https://github.com/floci-io/floci/issues/2924';
const FLOCI_ML_DSA = 'https://github.com/floci-io/floci/issues/3025';
const PKCS11_ISSUE = 'https://github.com/JackOfMostTrades/aws-kms-pkcs11/issues/18';

/** The LocalStack recording of one Sign/Verify pair (2023, validated 2024-04-11). */
const signVerify = (params: string, entry: string | undefined, groundTruth: string): RequirementSource =>
  recorded(`TestKMS::test_sign_verify[${params}]`, entry, 'recorded 2023-04-13, validated 2024-04-11', groundTruth);
const saltLength = (params: string, groundTruth: string): RequirementSource =>
  recorded(`TestKMS::test_verify_salt_length[${params}]`, undefined, 'recorded and validated 2025-04-02', groundTruth);
const invalidKeys = (entries: string, groundTruth: string): RequirementSource =>
  recorded('TestKMS::test_error_messaging_for_invalid_keys', entries, 'recorded 2023-04-13, validated 2024-04-11', groundTruth);

const signingKey = (kms: SpecContext, spec: KeySpec, label: string) => createKeyOf(kms.primary, spec, 'SIGN_VERIFY', { description: label });

interface SignRequest {
  keyId: string;
  algorithm: SigningAlgorithmSpec | string;
  message: Uint8Array;
  /** Left out of the request when undefined. */
  messageType?: MessageType | string;
}

const sign = (client: KMSClient, r: SignRequest) =>
  client.send(
    new SignCommand({
      KeyId: r.keyId,
      Message: r.message,
      SigningAlgorithm: r.algorithm as SigningAlgorithmSpec,
      ...(r.messageType !== undefined && { MessageType: r.messageType as MessageType }),
    }),
  );

const verify = (client: KMSClient, r: SignRequest & { signature: Uint8Array }) =>
  client.send(
    new VerifyCommand({
      KeyId: r.keyId,
      Message: r.message,
      Signature: r.signature,
      SigningAlgorithm: r.algorithm as SigningAlgorithmSpec,
      ...(r.messageType !== undefined && { MessageType: r.messageType as MessageType }),
    }),
  );

/** The signature bytes of a Sign call (fails the check when there are none). */
async function signature(client: KMSClient, r: SignRequest): Promise<Uint8Array> {
  const { Signature } = await sign(client, r);
  expect(Signature?.length, `${r.algorithm} ${r.messageType ?? '(no MessageType)'}: Sign returned a signature`).toBeGreaterThan(0);
  return Signature!;
}

async function publicKeyOf(client: KMSClient, keyId: string): Promise<Uint8Array> {
  const { PublicKey } = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (!PublicKey?.length) throw new Error('GetPublicKey returned no PublicKey');
  return PublicKey;
}

/** A copy of the signature with one bit of its middle byte flipped. */
function tampered(sig: Uint8Array): Buffer {
  const t = Buffer.from(sig);
  t[t.length >> 1]! ^= 0x01;
  return t;
}


/** Status, code and message of a raw answer, for observations. */
const rawAnswer = (res: RawResponse) => ({ status: res.status, code: res.errorCode ?? null, message: res.json?.message ?? res.json?.Message ?? null, ...(res.status < 300 && { body: res.json }) });

/** True when `sig` is a DER SEQUENCE of exactly two INTEGERs (X9.62 Ecdsa-Sig-Value). */
function isDerEcdsa(sig: Uint8Array): boolean {
  const b = Buffer.from(sig);
  const len = (o: number): [number, number] | undefined => {
    const first = b[o];
    if (first === undefined) return undefined;
    if (first < 0x80) return [first, o + 1];
    if (first !== 0x81) return undefined;
    const v = b[o + 1];
    return v === undefined ? undefined : [v, o + 2];
  };
  if (b[0] !== 0x30) return false;
  const seq = len(1);
  if (!seq || seq[0] + seq[1] !== b.length) return false;
  let o = seq[1];
  for (let i = 0; i < 2; i++) {
    if (b[o] !== 0x02) return false;
    const int = len(o + 1);
    if (!int || int[0] === 0) return false;
    o = int[1] + int[0];
  }
  return o === b.length;
}

/** The SDK output's members, without the SDK's own $metadata. */

const bySpec = (pairs: readonly { spec: KeySpec; algorithm: string }[]) => {
  const m = new Map<KeySpec, string[]>();
  for (const { spec, algorithm } of pairs) m.set(spec, [...(m.get(spec) ?? []), algorithm]);
  return [...m];
};
const RSA_SIGNING = bySpec(HASHED_SIGNING.filter((p) => p.spec.startsWith('RSA_')));
const ECDSA_SIGNING = bySpec(HASHED_SIGNING.filter((p) => p.spec.startsWith('ECC_')));
/** One key per spec for the digest checks: RSA_2048 with its six algorithms, and every curve. */
const DIGEST_CASES = bySpec(HASHED_SIGNING.filter((p) => p.spec === 'RSA_2048' || p.spec.startsWith('ECC_')));
/** Neither 32, 48 nor 64 bytes: the RAW text AWS was recorded refusing as a digest. */
const NOT_A_DIGEST = Buffer.from('this is no digest at all');

requirement(
  {
    id: 'SIG-01',
    statement: 'Sign answers KeyId (the key ARN), Signature and the requested SigningAlgorithm, and Verify of that signature answers KeyId, SignatureValid true and SigningAlgorithm',
    operation: 'Sign',
    source: signVerify('RSA_2048-RSASSA_PSS_SHA_256', 'signature, verification', 'CRY-065, CRY-082'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const key = await signingKey(kms, 'RSA_2048', 'SIG-01');
    const request = { keyId: key.KeyId!, algorithm: 'RSASSA_PSS_SHA_256', message: Buffer.from('SIG-01 message'), messageType: 'RAW' };
    const signed = await sign(kms.primary, request);
    expect(members(signed)).toEqual(['KeyId', 'Signature', 'SigningAlgorithm']);
    expect({ KeyId: signed.KeyId, SigningAlgorithm: signed.SigningAlgorithm }).toEqual({ KeyId: key.Arn, SigningAlgorithm: 'RSASSA_PSS_SHA_256' });
    expect(signed.Signature?.length).toBeGreaterThan(0);
    const verified = await verify(kms.primary, { ...request, signature: signed.Signature! });
    expect(members(verified)).toEqual(['KeyId', 'SignatureValid', 'SigningAlgorithm']);
    expect({ KeyId: verified.KeyId, SignatureValid: verified.SignatureValid, SigningAlgorithm: verified.SigningAlgorithm }).toEqual({ KeyId: key.Arn, SignatureValid: true, SigningAlgorithm: 'RSASSA_PSS_SHA_256' });
  },
);

requirement(
  {
    id: 'SIG-02',
    statement: 'Every RSA signing algorithm of RSA_2048, RSA_3072 and RSA_4096 keys, over RAW and DIGEST input, makes a signature that verifies offline under the GetPublicKey key (PKCS #1 v1.5, or PSS with MGF1 of the same hash and salt as long as the hash), and a changed byte does not',
    operation: 'Sign',
    source: saltLength('RSA_2048-RSASSA_PSS_SHA_256', 'CRY-070, CRY-071'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    for (const [spec, algorithms] of RSA_SIGNING) {
      const key = await signingKey(kms, spec, 'SIG-02');
      const publicKey = await publicKeyOf(kms.primary, key.KeyId!);
      for (const algorithm of algorithms) {
        const message = Buffer.from(`SIG-02 ${spec} ${algorithm}`);
        for (const messageType of ['RAW', 'DIGEST'] as const) {
          const sig = await signature(kms.primary, { keyId: key.KeyId!, algorithm, messageType, message: messageType === 'RAW' ? message : digestFor(algorithm, message) });
          const label = `${spec} ${algorithm} ${messageType}`;
          expect(verifyOffline(publicKey, { spec, algorithm, messageType, message, signature: sig }), `${label} verifies offline`).toBe(true);
          expect(verifyOffline(publicKey, { spec, algorithm, messageType, message, signature: tampered(sig) }), `${label} with a changed byte`).toBe(false);
        }
      }
    }
  },
);

requirement(
  {
    id: 'SIG-03',
    statement: 'ECDSA signatures of every ECC signing key spec (P-256, P-384, P-521, secp256k1), over RAW and DIGEST input, are DER Ecdsa-Sig-Value and verify offline with the hash of the curve, and a changed byte does not',
    operation: 'Sign',
    source: saltLength('ECC_NIST_P256-ECDSA_SHA_256', 'CRY-072'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    for (const [spec, algorithms] of ECDSA_SIGNING) {
      const key = await signingKey(kms, spec, 'SIG-03');
      const publicKey = await publicKeyOf(kms.primary, key.KeyId!);
      for (const algorithm of algorithms) {
        const message = Buffer.from(`SIG-03 ${spec} ${algorithm}`);
        for (const messageType of ['RAW', 'DIGEST'] as const) {
          const sig = await signature(kms.primary, { keyId: key.KeyId!, algorithm, messageType, message: messageType === 'RAW' ? message : digestFor(algorithm, message) });
          const label = `${spec} ${algorithm} ${messageType}`;
          expect(isDerEcdsa(sig), `${label} is DER`).toBe(true);
          expect(verifyOffline(publicKey, { spec, algorithm, messageType, message, signature: sig }), `${label} verifies offline`).toBe(true);
          expect(verifyOffline(publicKey, { spec, algorithm, messageType, message, signature: tampered(sig) }), `${label} with a changed byte`).toBe(false);
        }
      }
    }
  },
);

requirement(
  {
    id: 'SIG-04',
    statement: 'Sign and Verify with MessageType DIGEST and a Message not as long as the hash of the RSA or ECDSA algorithm answer ValidationException (HTTP 400)',
    operation: 'Sign',
    source: signVerify('RSA_2048-RSASSA_PSS_SHA_256', 'bad-digest', 'CRY-068'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    for (const [spec, algorithms] of DIGEST_CASES) {
      const key = await signingKey(kms, spec, 'SIG-04');
      for (const algorithm of algorithms) {
        const label = `${spec} ${algorithm}`;
        await expectKmsError(sign(kms.primary, { keyId: key.KeyId!, algorithm, messageType: 'DIGEST', message: NOT_A_DIGEST }), 'ValidationException', 400);
        // A signature that is good for the right digest, so only the digest's length is wrong.
        const digest = digestFor(algorithm, Buffer.from(label));
        const sig = await signature(kms.primary, { keyId: key.KeyId!, algorithm, messageType: 'DIGEST', message: digest });
        const e = await expectKmsError(verify(kms.primary, { keyId: key.KeyId!, algorithm, messageType: 'DIGEST', message: NOT_A_DIGEST, signature: sig }), 'ValidationException', 400);
        // AWS's text for Verify was not recorded (presumably the Sign text).
        kms.observe(`Verify ${label} message`, e.message);
      }
    }
  },
);

requirement(
  {
    id: 'SIG-05',
    statement: 'A DIGEST of the wrong length is refused by Sign with the text "Digest is invalid length for algorithm <ALG>."',
    operation: 'Sign',
    source: signVerify('ECC_NIST_P256-ECDSA_SHA_256', 'bad-digest', 'CRY-068, §7 #8'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    for (const [spec, algorithms] of DIGEST_CASES) {
      const key = await signingKey(kms, spec, 'SIG-05');
      for (const algorithm of algorithms) {
        const e = await expectKmsError(sign(kms.primary, { keyId: key.KeyId!, algorithm, messageType: 'DIGEST', message: NOT_A_DIGEST }), 'ValidationException');
        expect(e.message, `${spec} ${algorithm}`).toBe(`Digest is invalid length for algorithm ${algorithm}.`);
      }
    }
  },
);

requirement(
  {
    id: 'SIG-06',
    statement: 'Sign without MessageType treats the Message as RAW: it hashes it, giving the PKCS #1 v1.5 signature that MessageType RAW gives, even for a Message as long as a digest',
    operation: 'Sign',
    source: { url: SIGN, section: 'Request Parameters: MessageType (omitted or RAW: the message is hashed)', groundTruth: 'CRY-074' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const spec = 'RSA_2048';
    const algorithm = 'RSASSA_PKCS1_V1_5_SHA_256';
    const key = await signingKey(kms, spec, 'SIG-06');
    const publicKey = await publicKeyOf(kms.primary, key.KeyId!);
    // 32 bytes: a target that took an omitted MessageType for DIGEST would sign these bytes unhashed.
    const message = randomBytes(32);
    const omitted = await signature(kms.primary, { keyId: key.KeyId!, algorithm, message });
    const raw = await signature(kms.primary, { keyId: key.KeyId!, algorithm, message, messageType: 'RAW' });
    expect(Buffer.from(omitted).toString('hex'), 'the same signature as RAW (PKCS #1 v1.5 is deterministic)').toBe(Buffer.from(raw).toString('hex'));
    expect(verifyOffline(publicKey, { spec, algorithm, messageType: 'RAW', message, signature: omitted }), 'verifies offline as a signature of the message').toBe(true);
  },
);

requirement(
  {
    id: 'SIG-07',
    statement: 'Verify accepts a signature whichever MessageType names the same hash: a DIGEST-signed message with DIGEST or RAW, a RAW-signed one with DIGEST of its hash (RSASSA_PSS and ECDSA)',
    operation: 'Verify',
    source: { url: VERIFY, section: 'Request Parameters: MessageType (need not be the one used for signing)', groundTruth: 'CRY-069, CRY-086' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    for (const [spec, algorithm] of [['RSA_2048', 'RSASSA_PSS_SHA_256'], ['ECC_NIST_P256', 'ECDSA_SHA_256']] as const) {
      const key = await signingKey(kms, spec, 'SIG-07');
      const message = Buffer.from(`SIG-07 ${spec}`);
      const digest = digestFor(algorithm, message);
      const signedRaw = await signature(kms.primary, { keyId: key.KeyId!, algorithm, messageType: 'RAW', message });
      const signedDigest = await signature(kms.primary, { keyId: key.KeyId!, algorithm, messageType: 'DIGEST', message: digest });
      const cases = [
        ['signed DIGEST, verified DIGEST', signedDigest, 'DIGEST', digest],
        ['signed DIGEST, verified RAW', signedDigest, 'RAW', message],
        ['signed RAW, verified DIGEST', signedRaw, 'DIGEST', digest],
      ] as const;
      for (const [label, sig, messageType, input] of cases) {
        const out = await verify(kms.primary, { keyId: key.KeyId!, algorithm, messageType, message: input, signature: sig });
        expect(out.SignatureValid, `${spec} ${label}`).toBe(true);
      }
    }
  },
);

requirement(
  {
    id: 'SIG-08',
    statement: 'Verify of a signature that does not fit (made for another message, or with one byte changed) answers KMSInvalidSignatureException (HTTP 400), never SignatureValid false',
    operation: 'Verify',
    source: signVerify('RSA_2048-RSASSA_PSS_SHA_256', 'bad-signature', 'CRY-083, CRY-084'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    for (const [spec, algorithm] of [['RSA_2048', 'RSASSA_PSS_SHA_256'], ['ECC_NIST_P256', 'ECDSA_SHA_256']] as const) {
      const key = await signingKey(kms, spec, 'SIG-08');
      const message = Buffer.from(`SIG-08 ${spec}`);
      const sig = await signature(kms.primary, { keyId: key.KeyId!, algorithm, messageType: 'RAW', message });
      await expectKmsError(verify(kms.primary, { keyId: key.KeyId!, algorithm, messageType: 'RAW', message: Buffer.from(`SIG-08 ${spec}, another message`), signature: sig }), 'KMSInvalidSignatureException', 400);
      await expectKmsError(verify(kms.primary, { keyId: key.KeyId!, algorithm, messageType: 'RAW', message, signature: tampered(sig) }), 'KMSInvalidSignatureException', 400);
    }
  },
);

requirement(
  {
    id: 'SIG-09',
    statement: 'KMSInvalidSignatureException is sent with an empty or absent message',
    operation: 'Verify',
    source: signVerify('ECC_NIST_P256-ECDSA_SHA_256', 'bad-signature', 'CRY-083, CRY-123, §7 #13'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const key = await signingKey(kms, 'ECC_NIST_P256', 'SIG-09');
    const sig = await signature(kms.primary, { keyId: key.KeyId!, algorithm: 'ECDSA_SHA_256', messageType: 'RAW', message: Buffer.from('SIG-09 message') });
    const body = { KeyId: key.KeyId, Message: Buffer.from('SIG-09 another message').toString('base64'), MessageType: 'RAW', Signature: Buffer.from(sig).toString('base64'), SigningAlgorithm: 'ECDSA_SHA_256' };
    const res = await kms.raw().send({ operation: 'Verify', body });
    expectRawError(res, 'KMSInvalidSignatureException', 400);
    expect({ message: res.json?.message ?? '', Message: res.json?.Message ?? '' }).toEqual({ message: '', Message: '' });
  },
);

requirement(
  {
    id: 'SIG-10',
    statement: "Verify with another key's signature is refused with a client error, not answered SignatureValid false; the code, and the answer to bytes that are no DER signature, are recorded",
    operation: 'Verify',
    source: { url: VERIFY, section: 'Description (a signature of another KMS key fails verification; a failed verification is an exception)', groundTruth: 'CRY-083, CRY-087' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const algorithm = 'ECDSA_SHA_256';
    const message = Buffer.from('SIG-10 message');
    const [a, b] = [await signingKey(kms, 'ECC_NIST_P256', 'SIG-10 a'), await signingKey(kms, 'ECC_NIST_P256', 'SIG-10 b')];
    const sig = await signature(kms.primary, { keyId: a.KeyId!, algorithm, messageType: 'RAW', message });
    // Through the raw client: the SDK reports an empty message as 'UnknownError'.
    const body = (keyId: string, sig: Uint8Array) => ({ KeyId: keyId, Message: message.toString('base64'), MessageType: 'RAW', Signature: Buffer.from(sig).toString('base64'), SigningAlgorithm: algorithm });
    kms.observe("another key's signature", expectRawClientError(await kms.raw().send({ operation: 'Verify', body: body(b.KeyId!, sig) })));
    kms.observe('bytes that are not DER', rawAnswer(await kms.raw().send({ operation: 'Verify', body: body(a.KeyId!, Buffer.from('not a DER signature')) })));
  },
);

requirement(
  {
    id: 'SIG-11',
    statement: 'Sign with an HMAC key or an RSA ENCRYPT_DECRYPT key, and Verify with a symmetric encryption key, answer InvalidKeyUsageException (HTTP 400)',
    operation: 'Sign',
    source: invalidKeys('sign-invalid-key-id, verify-invalid-key-id', 'CRY-066, CRY-067, CRY-085'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const message = Buffer.from('SIG-11 message');
    const hmac = await createKeyOf(kms.primary, 'HMAC_256', 'GENERATE_VERIFY_MAC', { description: 'SIG-11' });
    await expectKmsError(sign(kms.primary, { keyId: hmac.KeyId!, algorithm: 'RSASSA_PSS_SHA_256', messageType: 'RAW', message }), 'InvalidKeyUsageException', 400);
    const rsaEncryption = await createKeyOf(kms.primary, 'RSA_2048', 'ENCRYPT_DECRYPT', { description: 'SIG-11' });
    const e = await expectKmsError(sign(kms.primary, { keyId: rsaEncryption.KeyId!, algorithm: 'RSASSA_PSS_SHA_256', messageType: 'RAW', message }), 'InvalidKeyUsageException', 400);
    // Asserted in LocalStack's test_invalid_key_usage (validated 2024-04-11); its text was not recorded.
    kms.observe('RSA ENCRYPT_DECRYPT key, Sign message', e.message);
    const symmetric = await createKmsKey(kms.primary, 'SIG-11');
    await expectKmsError(verify(kms.primary, { keyId: symmetric.KeyId!, algorithm: 'RSASSA_PSS_SHA_256', messageType: 'RAW', message, signature: randomBytes(256) }), 'InvalidKeyUsageException', 400);
  },
);

requirement(
  {
    id: 'SIG-12',
    statement: 'The usage refusals name the key ARN, its usage and the operation: "<ARN> key usage is GENERATE_VERIFY_MAC which is not valid for Sign." (the usage is checked before the algorithm) and "<ARN> key usage is ENCRYPT_DECRYPT which is not valid for Verify."',
    operation: 'Sign',
    source: invalidKeys('sign-invalid-key-id, verify-invalid-key-id', 'CRY-066, CRY-085, §7 #4'),
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const message = Buffer.from('SIG-12 message');
    const hmac = await createKeyOf(kms.primary, 'HMAC_256', 'GENERATE_VERIFY_MAC', { description: 'SIG-12' });
    // RSASSA_PSS_SHA_256 is not an algorithm of HMAC_256 either: the text says which check came first.
    const s = await expectKmsError(sign(kms.primary, { keyId: hmac.KeyId!, algorithm: 'RSASSA_PSS_SHA_256', messageType: 'RAW', message }), 'InvalidKeyUsageException');
    expect(s.message, 'Sign with an HMAC key').toBe(`${hmac.Arn} key usage is GENERATE_VERIFY_MAC which is not valid for Sign.`);
    const symmetric = await createKmsKey(kms.primary, 'SIG-12');
    const v = await expectKmsError(verify(kms.primary, { keyId: symmetric.KeyId!, algorithm: 'RSASSA_PSS_SHA_256', messageType: 'RAW', message, signature: randomBytes(256) }), 'InvalidKeyUsageException');
    expect(v.message, 'Verify with a symmetric key').toBe(`${symmetric.Arn} key usage is ENCRYPT_DECRYPT which is not valid for Verify.`);
  },
);

/** Signing keys asked for an algorithm their spec does not list. */
const FOREIGN_ALGORITHMS = [
  ['ECC_NIST_P521', 'ECDSA_SHA_256'],
  ['RSA_2048', 'ECDSA_SHA_256'],
  ['ECC_NIST_P256', 'RSASSA_PSS_SHA_256'],
] as const;

requirement(
  {
    id: 'SIG-13',
    statement: 'Sign and Verify with a signing algorithm that the key spec does not offer (ECDSA_SHA_256 with P-521 or RSA, RSASSA_PSS_SHA_256 with P-256) answer InvalidKeyUsageException (HTTP 400)',
    operation: 'Sign',
    source: { url: SIGN, section: 'Errors: InvalidKeyUsageException (signing algorithm incompatible with the key material)', groundTruth: 'CRY-073' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    for (const [spec, algorithm] of FOREIGN_ALGORITHMS) {
      const key = await signingKey(kms, spec, 'SIG-13');
      const request = { keyId: key.KeyId!, algorithm, messageType: 'RAW', message: Buffer.from(`SIG-13 ${spec}`) };
      await expectKmsError(sign(kms.primary, request), 'InvalidKeyUsageException', 400);
      await expectKmsError(verify(kms.primary, { ...request, signature: randomBytes(64) }), 'InvalidKeyUsageException', 400);
    }
  },
);

requirement(
  {
    id: 'SIG-14',
    statement: 'Sign with an algorithm the key spec does not offer says "Algorithm <ALG> is incompatible with key spec <SPEC>."',
    operation: 'Sign',
    source: { url: PKCS11_ISSUE, section: 'error text from AWS (2022): ECDSA_SHA_256 with ECC_NIST_P521', groundTruth: 'CRY-073, §7 #5' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    for (const [spec, algorithm] of FOREIGN_ALGORITHMS.slice(0, 2)) {
      const key = await signingKey(kms, spec, 'SIG-14');
      const e = await expectKmsError(sign(kms.primary, { keyId: key.KeyId!, algorithm, messageType: 'RAW', message: Buffer.from(`SIG-14 ${spec}`) }), 'InvalidKeyUsageException');
      expect(e.message, spec).toBe(`Algorithm ${algorithm} is incompatible with key spec ${spec}.`);
    }
  },
);

requirement(
  {
    id: 'SIG-15',
    statement: 'An ECC_NIST_EDWARDS25519 key has a 44-byte SubjectPublicKeyInfo (OID 1.3.101.112, 32-byte key) and signs RAW input with ED25519_SHA_512 into 64 bytes that verify offline as Ed25519, and a changed byte does not',
    operation: 'Sign',
    source: { url: FLOCI_ED25519, section: 'GetPublicKey and Sign of an Ed25519 key (measured against AWS, 2026-09-02)', groundTruth: 'CRY-079, CRY-081' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const spec = 'ECC_NIST_EDWARDS25519';
    const key = await signingKey(kms, spec, 'SIG-15');
    const publicKey = await publicKeyOf(kms.primary, key.KeyId!);
    expect(publicKey.length, 'SPKI bytes').toBe(44);
    const bits = spkiKeyBits(publicKey);
    expect({ oid: bits?.oid, keyBytes: bits?.key.length }).toEqual({ oid: '1.3.101.112', keyBytes: 32 });
    const message = Buffer.from('SIG-15 message');
    const sig = await signature(kms.primary, { keyId: key.KeyId!, algorithm: 'ED25519_SHA_512', messageType: 'RAW', message });
    expect(sig.length, 'signature bytes').toBe(64);
    expect(verifyOffline(publicKey, { spec, algorithm: 'ED25519_SHA_512', messageType: 'RAW', message, signature: sig }), 'verifies offline').toBe(true);
    expect(verifyOffline(publicKey, { spec, algorithm: 'ED25519_SHA_512', messageType: 'RAW', message, signature: tampered(sig) }), 'with a changed byte').toBe(false);
  },
);

requirement(
  {
    id: 'SIG-16',
    statement: 'ED25519_PH_SHA_512 signs a 64-byte SHA-512 digest given as MessageType DIGEST, and Verify accepts that signature for the same digest',
    operation: 'Sign',
    source: { url: SIGN, section: 'Request Parameters: MessageType (ED25519_PH_SHA_512 requires DIGEST)', groundTruth: 'CRY-079' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await signingKey(kms, 'ECC_NIST_EDWARDS25519', 'SIG-16');
    const request = { keyId: key.KeyId!, algorithm: 'ED25519_PH_SHA_512', messageType: 'DIGEST', message: createHash('sha512').update('SIG-16 message').digest() };
    const sig = await signature(kms.primary, request);
    expect((await verify(kms.primary, { ...request, signature: sig })).SignatureValid).toBe(true);
  },
);

requirement(
  {
    id: 'SIG-17',
    statement: 'An ED25519_PH_SHA_512 signature over a DIGEST verifies offline as Ed25519ph of the submitted digest (KMS pre-hashes it once more), and a changed byte does not',
    operation: 'Sign',
    source: { url: SIGN, section: 'Request Parameters: MessageType (the input is hashed twice, FIPS 186-5 §7.8.1 step 1)', groundTruth: 'CRY-080' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const spec = 'ECC_NIST_EDWARDS25519';
    const key = await signingKey(kms, spec, 'SIG-17');
    const publicKey = await publicKeyOf(kms.primary, key.KeyId!);
    const message = Buffer.from('SIG-17 message');
    const sig = await signature(kms.primary, { keyId: key.KeyId!, algorithm: 'ED25519_PH_SHA_512', messageType: 'DIGEST', message: createHash('sha512').update(message).digest() });
    // verifyOffline hashes `message` with SHA-512 and checks Ed25519ph over that digest.
    const offline = { spec, algorithm: 'ED25519_PH_SHA_512', messageType: 'DIGEST', message } as const;
    expect(verifyOffline(publicKey, { ...offline, signature: sig }), 'verifies offline').toBe(true);
    expect(verifyOffline(publicKey, { ...offline, signature: tampered(sig) }), 'with a changed byte').toBe(false);
  },
);

requirement(
  {
    id: 'SIG-18',
    statement: 'An Ed25519 algorithm with the other message type (ED25519_SHA_512 with DIGEST, ED25519_PH_SHA_512 with RAW) is refused with HTTP 400',
    operation: 'Sign',
    source: { url: SIGN, section: 'Request Parameters: MessageType (the Ed25519 message types cannot be used interchangeably)', groundTruth: 'CRY-079' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await signingKey(kms, 'ECC_NIST_EDWARDS25519', 'SIG-18');
    const message = Buffer.from('SIG-18 message');
    const pure = await expectClientError(sign(kms.primary, { keyId: key.KeyId!, algorithm: 'ED25519_SHA_512', messageType: 'DIGEST', message: createHash('sha512').update(message).digest() }), { status: 400 });
    kms.observe('ED25519_SHA_512 with DIGEST', pure);
    const prehash = await expectClientError(sign(kms.primary, { keyId: key.KeyId!, algorithm: 'ED25519_PH_SHA_512', messageType: 'RAW', message }), { status: 400 });
    kms.observe('ED25519_PH_SHA_512 with RAW', prehash);
  },
);

requirement(
  {
    id: 'SIG-19',
    statement: 'ED25519_PH_SHA_512 with MessageType RAW answers ValidationException whose text begins "Message type RAW is incompatible"',
    operation: 'Sign',
    source: { url: FLOCI_ED25519, section: 'Sign with ED25519_PH_SHA_512 and RAW (measured against AWS, 2026-09-02)', groundTruth: 'CRY-079, §7 #10' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const key = await signingKey(kms, 'ECC_NIST_EDWARDS25519', 'SIG-19');
    const e = await expectKmsError(sign(kms.primary, { keyId: key.KeyId!, algorithm: 'ED25519_PH_SHA_512', messageType: 'RAW', message: Buffer.from('SIG-19 message') }), 'ValidationException');
    expect(e.message?.startsWith('Message type RAW is incompatible'), `message: ${e.message}`).toBe(true);
  },
);

const ML_DSA_SPECS = ['ML_DSA_44', 'ML_DSA_65', 'ML_DSA_87'] as const;

requirement(
  {
    id: 'SIG-20',
    statement: 'ML_DSA_44, ML_DSA_65 and ML_DSA_87 keys sign RAW input with ML_DSA_SHAKE_256 into FIPS 204 signatures (empty context) that verify offline under the GetPublicKey key, and a changed byte does not',
    operation: 'Sign',
    source: { url: ML_DSA_DOC, section: 'ML-DSA signing (FIPS 204)', groundTruth: 'CRY-077, §1.3, §2.9' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    for (const spec of ML_DSA_SPECS) {
      const key = await signingKey(kms, spec, 'SIG-20');
      const publicKey = await publicKeyOf(kms.primary, key.KeyId!);
      const message = Buffer.from(`SIG-20 ${spec}`);
      const sig = await signature(kms.primary, { keyId: key.KeyId!, algorithm: 'ML_DSA_SHAKE_256', messageType: 'RAW', message });
      expect(verifyOffline(publicKey, { spec, algorithm: 'ML_DSA_SHAKE_256', messageType: 'RAW', message, signature: sig }), `${spec} verifies offline`).toBe(true);
      expect(verifyOffline(publicKey, { spec, algorithm: 'ML_DSA_SHAKE_256', messageType: 'RAW', message, signature: tampered(sig) }), `${spec} with a changed byte`).toBe(false);
    }
  },
);

requirement(
  {
    id: 'SIG-21',
    statement: 'An ML_DSA_44 signature is 2420 bytes long',
    operation: 'Sign',
    source: { url: FLOCI_ML_DSA, section: 'Sign with an ML_DSA_44 key (measured against AWS, 2026-09-03)', groundTruth: 'CRY-081' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const key = await signingKey(kms, 'ML_DSA_44', 'SIG-21');
    const sig = await signature(kms.primary, { keyId: key.KeyId!, algorithm: 'ML_DSA_SHAKE_256', messageType: 'RAW', message: Buffer.from('SIG-21 message') });
    expect(sig.length).toBe(2420);
  },
);

requirement(
  {
    id: 'SIG-22',
    statement: 'Sign with an ML_DSA_44 key and MessageType DIGEST answers ValidationException "Message type DIGEST is incompatible with key spec ML_DSA_44."',
    operation: 'Sign',
    source: { url: FLOCI_ML_DSA, section: 'Sign with an ML_DSA_44 key and DIGEST (measured against AWS, 2026-09-03)', groundTruth: 'CRY-078, §7 #9' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const key = await signingKey(kms, 'ML_DSA_44', 'SIG-22');
    const e = await expectKmsError(sign(kms.primary, { keyId: key.KeyId!, algorithm: 'ML_DSA_SHAKE_256', messageType: 'DIGEST', message: randomBytes(64) }), 'ValidationException');
    expect(e.message).toBe('Message type DIGEST is incompatible with key spec ML_DSA_44.');
  },
);

/** FIPS 204 μ of a message for pure ML-DSA with an empty context: SHAKE256(SHAKE256(pk, 64) ‖ 0 ‖ 0 ‖ M, 64). */
function externalMu(rawPublicKey: Uint8Array, message: Uint8Array): Buffer {
  const tr = createHash('shake256', { outputLength: 64 }).update(rawPublicKey).digest();
  return createHash('shake256', { outputLength: 64 }).update(tr).update(Buffer.from([0, 0])).update(message).digest();
}

requirement(
  {
    id: 'SIG-23',
    statement: 'MessageType EXTERNAL_MU: whether a 64-byte μ signs into a signature of the message it was computed from, and the answers for a μ of 32 bytes and for an ECDSA key, are recorded',
    operation: 'Sign',
    source: { url: SIGN, section: 'Request Parameters: MessageType (EXTERNAL_MU, ML-DSA only, 64 bytes)', groundTruth: 'CRY-077' },
    evidence: 'documented',
    strength: 'observe',
  },
  async (kms) => {
    const spec = 'ML_DSA_44';
    const key = await signingKey(kms, spec, 'SIG-23');
    const publicKey = await publicKeyOf(kms.primary, key.KeyId!);
    const bits = spkiKeyBits(publicKey);
    if (!bits) throw new Error('the ML_DSA_44 public key is not a SubjectPublicKeyInfo');
    const message = Buffer.from('SIG-23 message');
    const request = { keyId: key.KeyId!, algorithm: 'ML_DSA_SHAKE_256', messageType: 'EXTERNAL_MU', message: externalMu(bits.key, message) };
    try {
      const { Signature } = await sign(kms.primary, request);
      kms.observe('EXTERNAL_MU signature verifies offline as a signature of the message', verifyOffline(publicKey, { spec, algorithm: 'ML_DSA_SHAKE_256', messageType: 'RAW', message, signature: Signature! }));
      kms.observe('Verify of it with RAW and the message', await answerOf(verify(kms.primary, { ...request, messageType: 'RAW', message, signature: Signature! })));
    } catch (e) {
      kms.observe('EXTERNAL_MU Sign', await answerOf(Promise.reject(e)));
    }
    kms.observe('EXTERNAL_MU of 32 bytes', await answerOf(sign(kms.primary, { ...request, message: randomBytes(32) })));
    const ecdsa = await signingKey(kms, 'ECC_NIST_P256', 'SIG-23');
    kms.observe('EXTERNAL_MU with an ECDSA key', await answerOf(sign(kms.primary, { keyId: ecdsa.KeyId!, algorithm: 'ECDSA_SHA_256', messageType: 'EXTERNAL_MU', message: randomBytes(64) })));
  },
);

requirement(
  {
    id: 'SIG-24',
    statement: 'A RAW Message of 4096 bytes signs; one of 4097 bytes is refused by Sign and by Verify with ValidationException (HTTP 400)',
    operation: 'Sign',
    source: { url: SIGN, section: 'Request Parameters: Message (length 1–4096)', groundTruth: 'CRY-075' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const key = await signingKey(kms, 'ECC_NIST_P256', 'SIG-24');
    const request = { keyId: key.KeyId!, algorithm: 'ECDSA_SHA_256', messageType: 'RAW' };
    const sig = await signature(kms.primary, { ...request, message: randomBytes(4096) });
    const s = await expectKmsError(sign(kms.primary, { ...request, message: randomBytes(4097) }), 'ValidationException', 400);
    kms.observe('Sign message', s.message);
    const v = await expectKmsError(verify(kms.primary, { ...request, message: randomBytes(4097), signature: sig }), 'ValidationException', 400);
    kms.observe('Verify message', v.message);
  },
);

requirement(
  {
    id: 'SIG-25',
    statement: 'An empty Message (the model says at least 1 byte, the docs 0–4096): what Sign and Verify answer is recorded',
    operation: 'Sign',
    source: { url: SIGN, section: 'Request Parameters: Message ("0-4096 bytes" in the text, minimum 1 in the constraints)', groundTruth: 'CRY-076' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    const key = await signingKey(kms, 'ECC_NIST_P256', 'SIG-25');
    const sig = await signature(kms.primary, { keyId: key.KeyId!, algorithm: 'ECDSA_SHA_256', messageType: 'RAW', message: Buffer.from('SIG-25 message') });
    const body = { KeyId: key.KeyId, Message: '', MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' };
    for (const [operation, extra] of [['Sign', {}], ['Verify', { Signature: Buffer.from(sig).toString('base64') }]] as const) {
      kms.observe(`${operation} with an empty Message`, rawAnswer(await kms.raw().send({ operation, body: { ...body, ...extra } })));
    }
  },
);
