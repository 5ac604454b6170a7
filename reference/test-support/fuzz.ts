/**
 * @module reference/test-support/fuzz
 * Requests a fuzzer sends the reference, generated with fast-check from AWS's model: any operation
 * (and a few that do not exist), each member of its input either left out, a value of its shape
 * (lengths, patterns and enums ignored), or any JSON value at all; bodies that are not JSON; headers
 * and signatures that are wrong. What the reference must do with each: answer, never with a 5xx, and
 * with the awsJson envelope on every 4xx (test: reference/fuzz.test.ts; 100,000 of them: bench/fuzz.ts).
 */
import fc from 'fast-check';
import { OPERATIONS, OPERATION_NAMES, SHAPES } from '../api/kms-api.generated.ts';
import type { Shape, ShapeTable } from '../api/shape.ts';
import { PRIMARY_ACCOUNT } from '../accounts.ts';
import { signRequest } from './signed-request.ts';

const TABLE: ShapeTable = SHAPES;

/** A value of the shape's JSON type, constraints ignored; structures and lists only so deep. */
function valueOf(shapeName: string, depth: number): fc.Arbitrary<unknown> {
  const shape: Shape = TABLE[shapeName]!;
  switch (shape.type) {
    case 'string':
      return shape.enum ? fc.oneof(fc.constantFrom(...shape.enum), fc.string()) : fc.string({ maxLength: 80 });
    case 'blob':
      return fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('base64'));
    case 'integer':
    case 'long':
      return fc.oneof(fc.integer(), fc.integer({ min: -10, max: 2000 }));
    case 'boolean':
      return fc.boolean();
    case 'timestamp':
      return fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: 1_700_000_000, max: 1_900_000_000 }));
    case 'list':
      return depth > 2 ? fc.constant([]) : fc.array(valueOf(shape.member, depth + 1), { maxLength: 12 });
    case 'map':
      return depth > 2 ? fc.constant({}) : fc.dictionary(fc.string({ maxLength: 12 }), valueOf(shape.value, depth + 1), { maxKeys: 4 });
    case 'structure':
      return depth > 2 ? fc.constant({}) : membersOf(shape.members, depth + 1);
  }
}

/** Each member: absent, a value of its shape, or any JSON value (the wrong type, mostly). */
function membersOf(members: Readonly<Record<string, string>>, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(members).map(([name, shape]) => [name, fc.oneof({ weight: 3, arbitrary: valueOf(shape, depth) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) })] as const);
  return fc.record(Object.fromEntries(entries), { requiredKeys: [] });
}

/** A JSON body for `operation`: its input members, sometimes with a member the model does not have. */
function bodyOf(operation: string): fc.Arbitrary<Record<string, unknown>> {
  const input = OPERATIONS[operation as keyof typeof OPERATIONS]?.input;
  const shape = input ? TABLE[input] : undefined;
  const members = shape?.type === 'structure' ? membersOf(shape.members, 0) : fc.constant({});
  return fc.tuple(members, fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }), { nil: undefined })).map(([m, extra]) => ({ ...extra, ...m }));
}

export interface FuzzRequest {
  /** The X-Amz-Target's operation, or undefined for none. */
  operation: string | undefined;
  /** What goes on the wire. */
  body: string;
  contentType: string | undefined;
  signature: 'valid' | 'wrong-secret' | 'stale' | 'none' | 'garbage' | 'signed-headers';
  /** For 'signed-headers': names put in SignedHeaders after host (prototype property names among them). */
  signedHeaders?: string[];
  /** A region to sign for (unserved ones included). */
  region: string;
}

const OPERATION = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...OPERATION_NAMES) }, { weight: 1, arbitrary: fc.constantFrom('Nope', 'toString', '__proto__', '') });

/** One request of any of the kinds above. */
export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.record({
  operation: fc.option(OPERATION, { nil: undefined, freq: 20 }),
  signature: fc.constantFrom('valid', 'valid', 'valid', 'valid', 'wrong-secret', 'stale', 'none', 'garbage', 'signed-headers'),
  signedHeaders: fc.array(fc.oneof(fc.constantFrom('constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'x-amz-date', 'content-type'), fc.stringMatching(/^[a-z-]{1,12}$/)), { minLength: 1, maxLength: 3 }),
  contentType: fc.option(fc.constantFrom('application/x-amz-json-1.1', 'application/x-amz-json-1.1', 'application/x-amz-json-1.1', 'application/json', 'text/plain', ''), { nil: undefined, freq: 10 }),
  region: fc.constantFrom('us-east-1', 'us-east-1', 'us-east-1', 'eu-west-1', 'nowhere-1', '__proto__'),
}).chain((r) =>
  fc.oneof(
    { weight: 8, arbitrary: bodyOf(r.operation ?? 'ListKeys').map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null') },
  ).map((body) => ({ ...r, body })),
);

/** The operations that use a key's material, where hostile input meets real cryptography. */
export const CRYPTO_OPERATIONS = [
  'Encrypt', 'Decrypt', 'ReEncrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext', 'Sign', 'Verify', 'GetPublicKey', 'GenerateMac', 'VerifyMac',
  'DeriveSharedSecret', 'Encapsulate', 'Decapsulate', 'ImportKeyMaterial', 'DeleteImportedKeyMaterial',
] as const;

/**
 * A validly signed request for a cryptographic operation that names one of `keyIds` (keys of every
 * spec the caller created), every other member generated as above: the blobs, algorithms and
 * message types a real key then has to cope with.
 */
export function keyedRequest(keyIds: readonly string[]): fc.Arbitrary<FuzzRequest> {
  const key = fc.constantFrom(...keyIds);
  return fc
    .constantFrom(...CRYPTO_OPERATIONS)
    .chain((operation) =>
      fc.record({ body: bodyOf(operation), keyId: key, source: key, destination: key }).map(({ body, keyId, source, destination }) => ({
        operation,
        body: JSON.stringify({ ...body, KeyId: keyId, ...('SourceKeyId' in body && { SourceKeyId: source }), ...(operation === 'ReEncrypt' && { DestinationKeyId: destination }) }),
        contentType: 'application/x-amz-json-1.1',
        signature: 'valid' as const,
        region: 'us-east-1',
      })),
    );
}

/** The request as fetch takes it, signed as `req.signature` says. */
export async function toFetch(url: string, req: FuzzRequest, now = new Date()): Promise<{ url: string; init: RequestInit }> {
  const credential = req.signature === 'wrong-secret' ? { ...PRIMARY_ACCOUNT.credentials[0]!, secretAccessKey: 'not-the-secret' } : PRIMARY_ACCOUNT.credentials[0]!;
  const signingDate = req.signature === 'stale' ? new Date(now.getTime() - 20 * 60_000) : now;
  const signed = await signRequest({
    url,
    operation: req.operation ?? null,
    body: req.body,
    ...(req.contentType !== undefined && { contentType: req.contentType }),
    credential,
    region: req.region,
    signingDate,
  });
  const headers = { ...signed.init.headers };
  if (req.contentType === undefined) delete headers['content-type'];
  if (req.signature === 'none') delete headers.authorization;
  if (req.signature === 'garbage') headers.authorization = 'AWS4-HMAC-SHA256 Credential=;;,SignedHeaders=host;constructor;__proto__, Signature=zz';
  // A real signature whose SignedHeaders claims more: names no request has, or an object's own properties.
  if (req.signature === 'signed-headers' && headers.authorization) {
    headers.authorization = headers.authorization.replace(/SignedHeaders=([^,]+)/, (_, list: string) => `SignedHeaders=${[list, ...(req.signedHeaders ?? [])].join(';')}`);
  }
  return { url: signed.url, init: { method: 'POST', headers, body: req.body } };
}

export interface FuzzAnswer {
  status: number;
  contentType: string | null;
  body: string;
}

/** What is wrong with an answer, or undefined when it is what the reference owes any request. */
export function problemWith(a: FuzzAnswer): string | undefined {
  if (a.status >= 500) return `HTTP ${a.status}: ${a.body.slice(0, 200)}`;
  if (a.status < 400) return undefined;
  if (a.contentType !== 'application/x-amz-json-1.1') return `HTTP ${a.status} with content type ${a.contentType}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(a.body);
  } catch {
    return `HTTP ${a.status} with a body that is not JSON: ${a.body.slice(0, 100)}`;
  }
  const e = parsed as { __type?: unknown; message?: unknown };
  if (typeof e.__type !== 'string' || !/^[A-Za-z]+$/.test(e.__type)) return `HTTP ${a.status} without a __type: ${a.body.slice(0, 100)}`;
  if (e.message !== undefined && typeof e.message !== 'string') return `HTTP ${a.status} with a message that is not a string`;
  return undefined;
}
