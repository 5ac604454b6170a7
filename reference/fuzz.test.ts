/**
 * A bounded fuzzer, as part of `npm test`: a few thousand requests generated from AWS's model (wrong
 * JSON types for members of every operation, bodies that are not JSON, missing and wrong headers and
 * signatures, unserved regions) against the reference on a socket. None may get a 5xx, every 4xx must
 * carry the awsJson envelope, and the server must still answer afterwards. A failure prints
 * fast-check's seed and the shrunk request. `bench/fuzz.ts` sends 100,000.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startReferenceServer, type RunningReference } from './server.ts';
import { VALID_KEY_PAIRS } from './crypto/key-specs.ts';
import { fuzzRequest, keyedRequest, problemWith, toFetch, type FuzzRequest } from './test-support/fuzz.ts';
import { cachedPairGenerator } from './test-support/wrapping.ts';

let ref: RunningReference;
const log: string[] = [];
beforeAll(async () => {
  ref = await startReferenceServer({ port: 0, log: (m) => log.push(m), wrappingKeyGenerator: cachedPairGenerator });
});
afterAll(() => ref.close());

it('answers a few thousand generated requests without a 5xx, each 4xx in the awsJson envelope', async () => {
  await fc.assert(
    fc.asyncProperty(fuzzRequest, async (req) => {
      const { url, init } = await toFetch(ref.url, req);
      const res = await fetch(url, init);
      const problem = problemWith({ status: res.status, contentType: res.headers.get('content-type'), body: await res.text() });
      if (problem) throw new Error(problem);
    }),
    { numRuns: 3_000 },
  );
  // Nothing the reference logs is an internal error (a stack trace would be one).
  expect(log.filter((l) => l.startsWith('internal error'))).toEqual([]);
}, 300_000);

const send = async (req: FuzzRequest) => {
  const { url, init } = await toFetch(ref.url, req);
  const res = await fetch(url, init);
  return { status: res.status, contentType: res.headers.get('content-type'), body: await res.text() };
};

it('answers hostile members for the cryptographic operations on real keys of every spec without a 5xx', async () => {
  const keyIds: string[] = [];
  for (const [KeySpec, KeyUsage] of VALID_KEY_PAIRS) {
    for (const Origin of ['AWS_KMS', 'EXTERNAL']) {
      const a = await send({ operation: 'CreateKey', body: JSON.stringify({ KeySpec, KeyUsage, Origin }), contentType: 'application/x-amz-json-1.1', signature: 'valid', region: 'us-east-1' });
      if (a.status === 200) keyIds.push((JSON.parse(a.body) as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId);
    }
  }
  expect(keyIds.length).toBeGreaterThan(VALID_KEY_PAIRS.length);
  await fc.assert(
    fc.asyncProperty(keyedRequest(keyIds), async (req) => {
      const problem = problemWith(await send(req));
      if (problem) throw new Error(problem);
    }),
    { numRuns: 2_000 },
  );
  expect(log.filter((l) => l.startsWith('internal error'))).toEqual([]);
}, 300_000);

it('still answers afterwards', async () => {
  const { url, init } = await toFetch(ref.url, { operation: 'ListKeys', body: '{}', contentType: 'application/x-amz-json-1.1', signature: 'valid', region: 'us-east-1' });
  expect((await fetch(url, init)).status).toBe(200);
});
