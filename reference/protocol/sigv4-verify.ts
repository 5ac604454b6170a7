/**
 * @module reference/protocol/sigv4-verify
 * Verifies AWS Signature Version 4 on incoming requests, in the Authorization header or in the query
 * string (presigned). The signature is recomputed with @smithy/signature-v4 over exactly the headers
 * the client said it signed, and compared in constant time.
 *
 * The error codes are the ones AWS JSON services answer with (UnrecognizedClientException,
 * InvalidSignatureException, IncompleteSignatureException, MissingAuthenticationTokenException);
 * they are not in the KMS ground truth, so specs treat their exact codes as observations.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@smithy/core/checksum';
import { KmsError } from '../errors.ts';
import { findCredential, type ReferenceAccount } from '../accounts.ts';

/** How far the request time may be from the server's clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
const SERVICE = 'kms';

export interface IncomingSignedRequest {
  method: string;
  hostname: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: Buffer;
}

export interface VerifiedCaller {
  accountId: string;
  accessKeyId: string;
  region: string;
}

interface SignatureParts {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  expiresSeconds?: number;
  sessionToken?: string;
}

const incomplete = (why: string) => new KmsError('IncompleteSignatureException', why);
/** A client-chosen value for a message: cut short, so a 300-character region is not echoed whole. */
const shortened = (s: string) => (s.length > 64 ? `${s.slice(0, 64)}…` : s);
const invalid = (why: string) => new KmsError('InvalidSignatureException', why);

function parseCredential(credential: string) {
  const [accessKeyId, date, region, service, terminator] = credential.split('/');
  if (!accessKeyId || !date || !region || !service || terminator !== 'aws4_request') {
    throw incomplete(`The credential scope is malformed: ${credential}`);
  }
  return { accessKeyId, date, region, service };
}

function fromHeader(req: IncomingSignedRequest): SignatureParts | undefined {
  const auth = req.headers.authorization;
  if (auth === undefined) return undefined;
  const m = /^AWS4-HMAC-SHA256\s+(.*)$/.exec(auth.trim());
  if (!m) throw incomplete('The Authorization header does not use AWS4-HMAC-SHA256.');
  const fields = new Map<string, string>();
  for (const part of m[1]!.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeaders || !signature) {
    throw incomplete('The Authorization header must contain Credential, SignedHeaders and Signature.');
  }
  const amzDate = req.headers['x-amz-date'];
  if (!amzDate) throw incomplete('The request must carry an X-Amz-Date header.');
  return {
    ...parseCredential(credential),
    signedHeaders: signedHeaders.split(';'),
    signature,
    amzDate,
    ...(req.headers['x-amz-security-token'] !== undefined && { sessionToken: req.headers['x-amz-security-token'] }),
  };
}

function fromQuery(req: IncomingSignedRequest): SignatureParts | undefined {
  const q = req.query;
  if (q['X-Amz-Signature'] === undefined && q['X-Amz-Algorithm'] === undefined) return undefined;
  if (q['X-Amz-Algorithm'] !== 'AWS4-HMAC-SHA256') throw incomplete('X-Amz-Algorithm must be AWS4-HMAC-SHA256.');
  const credential = q['X-Amz-Credential'];
  const signedHeaders = q['X-Amz-SignedHeaders'];
  const signature = q['X-Amz-Signature'];
  const amzDate = q['X-Amz-Date'];
  if (!credential || !signedHeaders || !signature || !amzDate) {
    throw incomplete('A presigned request must carry X-Amz-Credential, X-Amz-SignedHeaders, X-Amz-Signature and X-Amz-Date.');
  }
  const expires = Number(q['X-Amz-Expires'] ?? '');
  if (!Number.isInteger(expires) || expires < 1 || expires > 604_800) throw incomplete('X-Amz-Expires must be 1 to 604800 seconds.');
  return {
    ...parseCredential(credential),
    signedHeaders: signedHeaders.split(';'),
    signature,
    amzDate,
    expiresSeconds: expires,
    ...(q['X-Amz-Security-Token'] !== undefined && { sessionToken: q['X-Amz-Security-Token'] }),
  };
}

/** `20240101T000000Z` → Date, or undefined when malformed. */
function parseAmzDate(s: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return undefined;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Verifies the request's signature and returns who made it. Throws a KmsError naming the problem.
 */
export async function verifySigV4(req: IncomingSignedRequest, accounts: readonly ReferenceAccount[], now: Date, regions: ReadonlySet<string>): Promise<VerifiedCaller> {
  const parts = fromHeader(req) ?? fromQuery(req);
  if (!parts) throw new KmsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const match = findCredential(accounts, parts.accessKeyId);
  if (!match) throw new KmsError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  if ((match.credential.sessionToken ?? undefined) !== parts.sessionToken) {
    throw new KmsError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  if (parts.service !== SERVICE) throw invalid(`Credential should be scoped to the service '${SERVICE}', not '${shortened(parts.service)}'.`);
  // A region the endpoint does not serve is refused as AWS refuses a credential scope naming no region of its.
  if (!regions.has(parts.region)) throw invalid(`Credential should be scoped to a valid region, not '${shortened(parts.region)}'.`);
  const signingDate = parseAmzDate(parts.amzDate);
  if (!signingDate) throw incomplete(`X-Amz-Date is not a valid ISO 8601 basic timestamp: ${parts.amzDate}`);
  if (!parts.amzDate.startsWith(parts.date)) throw invalid('The date in the credential scope does not match X-Amz-Date.');
  checkTime(signingDate, parts.expiresSeconds, now);
  const signed = new Set(parts.signedHeaders);
  if (!signed.has('host')) throw incomplete('The host header must be signed.');
  for (const h of signed) if (!Object.hasOwn(req.headers, h)) throw incomplete(`Signed header ${h} is missing from the request.`);
  checkPayloadHash(req);

  const expected = await recompute(req, parts, match.credential.secretAccessKey, signingDate);
  if (!sameSignature(expected, parts.signature)) {
    throw invalid('The request signature does not match the signature computed by the server; check the secret access key and signing method.');
  }
  return { accountId: match.accountId, accessKeyId: parts.accessKeyId, region: parts.region };
}

/**
 * The signature a well-formed signed request would carry if it had been signed with the secret of
 * its access key id, and where it goes; undefined when the request cannot be read that far. For
 * tests that need a client signing with a wrong secret to be let through.
 */
export async function rightSignature(req: IncomingSignedRequest, accounts: readonly ReferenceAccount[]): Promise<{ signature: string; in: 'header' | 'query' } | undefined> {
  try {
    const parts = fromHeader(req) ?? fromQuery(req);
    const match = parts && findCredential(accounts, parts.accessKeyId);
    const signingDate = parts && parseAmzDate(parts.amzDate);
    if (!parts || !match || !signingDate || parts.signedHeaders.some((h) => !Object.hasOwn(req.headers, h))) return undefined;
    const signature = await recompute(req, parts, match.credential.secretAccessKey, signingDate);
    return { signature, in: parts.expiresSeconds === undefined ? 'header' : 'query' };
  } catch {
    return undefined;
  }
}

function checkTime(signingDate: Date, expiresSeconds: number | undefined, now: Date): void {
  const t = signingDate.getTime();
  if (expiresSeconds !== undefined) {
    if (t > now.getTime() + MAX_CLOCK_SKEW_MS) throw invalid('The presigned request is dated in the future.');
    if (now.getTime() > t + expiresSeconds * 1000) throw invalid('The presigned request has expired.');
    return;
  }
  if (Math.abs(now.getTime() - t) > MAX_CLOCK_SKEW_MS) {
    throw invalid(`Signature expired or not yet valid: the request time ${signingDate.toISOString()} is more than 5 minutes from the server time ${now.toISOString()}.`);
  }
}

/** A declared payload hash must be the body's real hash, or the signature would not cover the body. */
function checkPayloadHash(req: IncomingSignedRequest): void {
  const declared = req.headers['x-amz-content-sha256'];
  if (declared === undefined) return;
  const actual = createHash('sha256').update(req.body).digest('hex');
  if (declared !== actual) throw invalid('X-Amz-Content-Sha256 does not match the SHA-256 of the request body.');
}

/** Signers by credential and scope: each keeps its own cache of derived signing keys. */
const signers = new Map<string, SignatureV4>();

function signerFor(parts: SignatureParts, secretAccessKey: string): SignatureV4 {
  const key = JSON.stringify([parts.accessKeyId, secretAccessKey, parts.sessionToken ?? null, parts.region, parts.service]);
  let signer = signers.get(key);
  if (!signer) {
    if (signers.size > 1_000) signers.clear();
    signer = new SignatureV4({
      service: parts.service,
      region: parts.region,
      sha256: Sha256,
      credentials: { accessKeyId: parts.accessKeyId, secretAccessKey, ...(parts.sessionToken !== undefined && { sessionToken: parts.sessionToken }) },
      applyChecksum: false,
    });
    signers.set(key, signer);
  }
  return signer;
}

async function recompute(req: IncomingSignedRequest, parts: SignatureParts, secretAccessKey: string, signingDate: Date): Promise<string> {
  const headers: Record<string, string> = Object.create(null);
  for (const h of parts.signedHeaders) headers[h] = req.headers[h]!;
  const signer = signerFor(parts, secretAccessKey);
  const signable = new Set(parts.signedHeaders);
  if (parts.expiresSeconds === undefined) {
    const request = new HttpRequest({ method: req.method, protocol: 'http:', hostname: req.hostname, path: req.path, query: req.query, headers, body: req.body });
    // The signer re-adds X-Amz-Security-Token itself when a session token is set.
    delete request.headers['x-amz-security-token'];
    const out = await signer.sign(request, { signingDate, signableHeaders: signable });
    return /Signature=([0-9a-f]+)/.exec(String(out.headers.authorization))?.[1] ?? '';
  }
  const query = { ...req.query };
  for (const k of ['X-Amz-Signature', 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Security-Token']) delete query[k];
  const request = new HttpRequest({ method: req.method, protocol: 'http:', hostname: req.hostname, path: req.path, query, headers, body: req.body });
  const out = await signer.presign(request, {
    signingDate,
    expiresIn: parts.expiresSeconds,
    signableHeaders: signable,
    unhoistableHeaders: new Set(Object.keys(headers)),
  });
  return String(out.query?.['X-Amz-Signature'] ?? '');
}
