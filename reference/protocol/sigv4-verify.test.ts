/**
 * SigV4 verification at the edge, with raw requests over loopback: which credential, which time,
 * which bytes and which scope a signature must match, and the error answered for each mismatch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIMARY_ACCOUNT, SECONDARY_ACCOUNT, type ReferenceCredential } from '../accounts.ts';
import type { KmsErrorName } from '../errors.ts';
import { startReferenceServer, type RunningReference } from '../server.ts';
import { MINUTE_MS, TestClock } from '../test-support/clock.ts';
import { presignRequest, readAnswer, signRequest, unsignedRequest, type RawCall, type SignedParts } from '../test-support/signed-request.ts';

const [LONG_TERM, SESSION] = PRIMARY_ACCOUNT.credentials as [ReferenceCredential, ReferenceCredential];
const clock = new TestClock();
let server: RunningReference;

beforeAll(async () => {
  server = await startReferenceServer({ now: clock.now, log: () => undefined });
});
afterAll(() => server.close());

/** ListKeys is the probe: it needs no key, so only authentication decides the outcome. */
const probe = (over: Partial<RawCall> = {}): RawCall => ({ url: server.url, operation: 'ListKeys', body: {}, signingDate: clock.now(), ...over });
const send = async ({ url, init }: SignedParts) => readAnswer(await fetch(url, init));

async function expectAccepted(parts: SignedParts): Promise<void> {
  const answer = await send(parts);
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ Keys: expect.any(Array), Truncated: false });
}

async function expectRejected(parts: SignedParts, type: KmsErrorName): Promise<void> {
  const answer = await send(parts);
  expect(answer.body?.__type).toBe(type);
  expect(answer.status).toBe(400);
  expect(answer.contentType).toBe('application/x-amz-json-1.1');
}

describe('Authorization header', () => {
  it('a correctly signed request is answered', async () => {
    await expectAccepted(await signRequest(probe()));
  });

  it('a correctly signed request without X-Amz-Content-Sha256 is answered', async () => {
    await expectAccepted(await signRequest(probe({ payloadHashHeader: false })));
  });

  it('no Authorization header: MissingAuthenticationTokenException', async () => {
    await expectRejected(unsignedRequest(probe()), 'MissingAuthenticationTokenException');
  });

  it('an unknown access key: UnrecognizedClientException', async () => {
    const credential = { accessKeyId: 'AKIANOBODYKNOWSTHIS1', secretAccessKey: LONG_TERM.secretAccessKey };
    await expectRejected(await signRequest(probe({ credential })), 'UnrecognizedClientException');
  });

  it('a known access key with the wrong secret: InvalidSignatureException', async () => {
    const credential = { accessKeyId: LONG_TERM.accessKeyId, secretAccessKey: 'not-the-secret' };
    await expectRejected(await signRequest(probe({ credential })), 'InvalidSignatureException');
  });

  it('another account\'s secret under this account\'s key id: InvalidSignatureException', async () => {
    const credential = { accessKeyId: LONG_TERM.accessKeyId, secretAccessKey: SECONDARY_ACCOUNT.credentials[0]!.secretAccessKey };
    await expectRejected(await signRequest(probe({ credential })), 'InvalidSignatureException');
  });

  it('the body altered after signing (payload hash header signed): InvalidSignatureException', async () => {
    const parts = await signRequest(probe({ body: { Limit: 5 } }));
    await expectRejected({ ...parts, init: { ...parts.init, body: JSON.stringify({ Limit: 6 }) } }, 'InvalidSignatureException');
  });

  it('the body altered after signing (no payload hash header): InvalidSignatureException', async () => {
    const parts = await signRequest(probe({ body: { Limit: 5 }, payloadHashHeader: false }));
    await expectRejected({ ...parts, init: { ...parts.init, body: JSON.stringify({ Limit: 6 }) } }, 'InvalidSignatureException');
  });

  it('a signed header altered after signing: InvalidSignatureException', async () => {
    const parts = await signRequest(probe());
    const headers = { ...parts.init.headers, 'x-amz-target': 'TrentService.ListAliases' };
    await expectRejected({ ...parts, init: { ...parts.init, headers } }, 'InvalidSignatureException');
  });

  it('X-Amz-Date 4 minutes from the server clock is still accepted', async () => {
    await expectAccepted(await signRequest(probe({ signingDate: new Date(clock.now().getTime() + 4 * MINUTE_MS) })));
    await expectAccepted(await signRequest(probe({ signingDate: new Date(clock.now().getTime() - 4 * MINUTE_MS) })));
  });

  it.each([
    ['ahead of', 10 * MINUTE_MS],
    ['behind', -10 * MINUTE_MS],
  ])('X-Amz-Date 10 minutes %s the server clock: InvalidSignatureException', async (_label, offset) => {
    await expectRejected(await signRequest(probe({ signingDate: new Date(clock.now().getTime() + offset) })), 'InvalidSignatureException');
  });

  it('a credential scope naming another service: InvalidSignatureException', async () => {
    await expectRejected(await signRequest(probe({ service: 'sqs' })), 'InvalidSignatureException');
  });
});

describe('temporary credentials', () => {
  const withoutToken = { accessKeyId: SESSION.accessKeyId, secretAccessKey: SESSION.secretAccessKey };

  it('the ASIA key with its session token is answered', async () => {
    await expectAccepted(await signRequest(probe({ credential: SESSION })));
  });

  it('the ASIA key without a session token: UnrecognizedClientException', async () => {
    await expectRejected(await signRequest(probe({ credential: withoutToken })), 'UnrecognizedClientException');
  });

  it('the ASIA key with a wrong session token: UnrecognizedClientException', async () => {
    await expectRejected(await signRequest(probe({ credential: { ...withoutToken, sessionToken: 'forged-token' } })), 'UnrecognizedClientException');
  });

  it('a long-term key presenting a session token: UnrecognizedClientException', async () => {
    await expectRejected(await signRequest(probe({ credential: { ...LONG_TERM, sessionToken: SESSION.sessionToken! } })), 'UnrecognizedClientException');
  });
});

describe('presigned requests', () => {
  it('a presigned POST (signature in the query string, body in the request) is answered', async () => {
    const parts = await presignRequest({ ...probe({ body: { Limit: 3 } }), expiresIn: 300 });
    expect(new URL(parts.url).searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(parts.init.headers.authorization).toBeUndefined();
    await expectAccepted(parts);
  });

  it('a presigned request with temporary credentials is answered', async () => {
    await expectAccepted(await presignRequest({ ...probe({ credential: SESSION }), expiresIn: 300 }));
  });

  it('a presigned request used after it expired: InvalidSignatureException', async () => {
    const signingDate = new Date(clock.now().getTime() - 10 * MINUTE_MS);
    await expectRejected(await presignRequest({ ...probe({ signingDate }), expiresIn: 60 }), 'InvalidSignatureException');
  });

  it('a presigned request whose body was altered: InvalidSignatureException', async () => {
    const parts = await presignRequest({ ...probe({ body: { Limit: 3 } }), expiresIn: 300 });
    await expectRejected({ ...parts, init: { ...parts.init, body: JSON.stringify({ Limit: 4 }) } }, 'InvalidSignatureException');
  });
});
