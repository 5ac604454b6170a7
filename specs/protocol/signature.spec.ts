/**
 * Signature Version 4, sent raw: every refused request is a DeleteImportedKeyMaterial aimed at a key
 * with imported material, so an endpoint that serves it anyway visibly deletes that material. That a
 * request with a bad, stale, missing or tampered signature is refused is documented for every AWS API;
 * the exact error codes are general AWS behaviour outside the KMS ground truth, so they are checked
 * as `should` (where AWS's answer is well known) or recorded as observations.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/Welcome.html (Signing Requests)
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { rawAnswer, type RawRequest } from '#harness/clients/raw-client.ts';
import { describeKey, enabledImportedKey, expectKeyUnchanged } from '#harness/kms/index.ts';
import { expectRawClientError, expectRawError, requirement, type SpecContext } from '#harness/spec/index.ts';

const WELCOME = 'https://docs.aws.amazon.com/kms/latest/APIReference/Welcome.html';
const COMMON_ERRORS = 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html';
const COMMON_PARAMETERS = 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonParameters.html';
const OP = 'DeleteImportedKeyMaterial';
const WRONG_SECRET = 'kms-conformance-not-the-secret-access-key';
const TWENTY_MINUTES_MS = 20 * 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');


/** The ways of spoiling a signed DeleteImportedKeyMaterial request for `keyId`. */
const SPOILED: Record<string, (kms: SpecContext, keyId: string) => RawRequest> = {
  wrongSecret: (_, keyId) => ({ operation: OP, body: { KeyId: keyId }, secretAccessKey: WRONG_SECRET }),
  stale: (_, keyId) => ({ operation: OP, body: { KeyId: keyId }, signingDate: new Date(Date.now() - TWENTY_MINUTES_MS) }),
  unsigned: (_, keyId) => ({ operation: OP, body: { KeyId: keyId }, signing: 'none' }),
  // Signed for a key id that names nothing, then pointed at the real key, with a payload hash that
  // matches the new body: only the signature itself can tell.
  bodySwapped: (kms, keyId) => ({
    operation: OP,
    body: { KeyId: kms.syntheticKeyId() },
    afterSigning: (req) => {
      req.body = JSON.stringify({ KeyId: keyId });
      req.headers['x-amz-content-sha256'] = sha256(req.body as string);
    },
  }),
  hashAltered: (_, keyId) => ({ operation: OP, body: { KeyId: keyId }, afterSigning: (req) => void (req.headers['x-amz-content-sha256'] = sha256('{}')) }),
  dateRemoved: (_, keyId) => ({ operation: OP, body: { KeyId: keyId }, afterSigning: (req) => void delete req.headers['x-amz-date'] }),
  queryWrongSecret: (_, keyId) => ({ operation: OP, body: { KeyId: keyId }, signing: 'query', secretAccessKey: WRONG_SECRET }),
  unknownAccessKey: (_, keyId) => ({ operation: OP, body: { KeyId: keyId }, accessKeyId: 'AKIAKMSCONFORMANCE00', secretAccessKey: WRONG_SECRET }),
};

/** Sends the spoiled request at a fresh key: refused with a 4xx, key unchanged, answer recorded. */
async function expectRefusedAndUnchanged(kms: SpecContext, label: string, spoil: keyof typeof SPOILED): Promise<void> {
  const { key, before } = await enabledImportedKey(kms.primary, label);
  const res = await kms.raw().send(SPOILED[spoil]!(kms, key.KeyId!));
  kms.observe('answer', rawAnswer(res));
  expectRawClientError(res);
  await expectKeyUnchanged(kms.primary, key.KeyId!, before);
}

/** The error code the spoiled request gets, aimed at a key id that names nothing (no key is put at risk). */
async function expectCode(kms: SpecContext, spoil: keyof typeof SPOILED, code: string): Promise<void> {
  expectRawError(await kms.raw().send(SPOILED[spoil]!(kms, kms.syntheticKeyId())), code);
}

const REFUSALS = [
  { id: 'PROTO-20', spoil: 'wrongSecret', what: 'A request signed with a wrong secret access key', url: WELCOME, section: 'Signing Requests' },
  { id: 'PROTO-21', spoil: 'stale', what: 'A request signed 20 minutes ago', url: COMMON_ERRORS, section: 'RequestExpired (more than 15 minutes)' },
  { id: 'PROTO-22', spoil: 'unsigned', what: 'A request with no Authorization header and no query signature', url: COMMON_ERRORS, section: 'MissingAuthenticationToken' },
  { id: 'PROTO-23', spoil: 'bodySwapped', what: 'A request whose body was replaced after signing (with a payload hash header for the new body)', url: WELCOME, section: 'Signing Requests' },
  { id: 'PROTO-24', spoil: 'hashAltered', what: 'A request whose signed X-Amz-Content-Sha256 was changed so it no longer matches the body', url: WELCOME, section: 'Signing Requests' },
  { id: 'PROTO-25', spoil: 'dateRemoved', what: 'A request whose signed X-Amz-Date header was removed after signing', url: COMMON_ERRORS, section: 'IncompleteSignature' },
  { id: 'PROTO-26', spoil: 'queryWrongSecret', what: 'A query-string signed request with a wrong secret access key', url: COMMON_PARAMETERS, section: 'X-Amz-Signature' },
  { id: 'PROTO-27', spoil: 'unknownAccessKey', what: 'A request signed with an access key id the endpoint does not know', url: COMMON_ERRORS, section: 'InvalidClientTokenId' },
] as const;

for (const r of REFUSALS) {
  requirement(
    {
      id: r.id,
      statement: `${r.what} is refused with a client error, and the key it names keeps its material`,
      operation: 'protocol',
      source: { url: r.url, section: r.section, groundTruth: 'a.1 (Signing)' },
      evidence: 'documented',
      strength: 'must',
    },
    (kms) => expectRefusedAndUnchanged(kms, r.id, r.spoil),
  );
}

// The codes AWS's JSON services answer with; general AWS behaviour, not recorded for KMS.
const CODES = [
  { id: 'PROTO-30', spoil: 'wrongSecret', code: 'InvalidSignatureException', what: 'A wrong secret access key' },
  { id: 'PROTO-31', spoil: 'stale', code: 'InvalidSignatureException', what: 'A signature dated 20 minutes ago' },
  { id: 'PROTO-32', spoil: 'unsigned', code: 'MissingAuthenticationTokenException', what: 'A missing signature' },
  { id: 'PROTO-33', spoil: 'bodySwapped', code: 'InvalidSignatureException', what: 'A body replaced after signing' },
  { id: 'PROTO-34', spoil: 'unknownAccessKey', code: 'UnrecognizedClientException', what: 'An unknown access key id' },
] as const;

for (const c of CODES) {
  requirement(
    {
      id: c.id,
      statement: `${c.what} is answered with ${c.code}`,
      operation: 'protocol',
      source: { url: COMMON_ERRORS, section: 'signature errors of AWS JSON services', groundTruth: 'a.1 (Signing)' },
      evidence: 'inferred',
      strength: 'should',
    },
    (kms) => expectCode(kms, c.spoil, c.code),
  );
}

requirement(
  {
    id: 'PROTO-35',
    statement: 'A request signed with query-string parameters (X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-SignedHeaders, X-Amz-Signature) is served',
    operation: 'protocol',
    source: { url: COMMON_PARAMETERS, section: 'X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-SignedHeaders, X-Amz-Signature', groundTruth: 'a.1 (Signing)' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const { key } = await enabledImportedKey(kms.primary, 'PROTO-35');
    const res = await kms.raw().send({ operation: OP, body: { KeyId: key.KeyId }, signing: 'query' });
    kms.observe('answer', rawAnswer(res));
    expect(rawAnswer(res)).toMatchObject({ status: 200 });
    expect(await describeKey(kms.primary, key.KeyId!)).toMatchObject({ KeyState: 'PendingImport', Enabled: false });
  },
);

requirement(
  {
    id: 'PROTO-36',
    statement: 'With temporary credentials, a request signed without the session token: what the target answers, and whether the key kept its material',
    operation: 'protocol',
    source: { url: COMMON_ERRORS, section: 'temporary credentials need their session token', groundTruth: 'a.1 (Signing)' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    if (!kms.target.principals.primary.sessionToken) {
      kms.notApplicable('the primary principal has long-term credentials, no session token');
    }
    const { key } = await enabledImportedKey(kms.primary, 'PROTO-36');
    const res = await kms.raw().send({ operation: OP, body: { KeyId: key.KeyId }, omitSessionToken: true });
    kms.observe('answer', rawAnswer(res));
    kms.observe('key state after', (await describeKey(kms.primary, key.KeyId!)).KeyState);
  },
);
