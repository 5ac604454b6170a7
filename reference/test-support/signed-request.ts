/**
 * @module reference/test-support/signed-request
 * Raw awsJson1_1 requests signed with @smithy/signature-v4, for tests that must control every
 * header, the body, the signing time and the credential scope — which the SDK does not allow.
 */
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { PRIMARY_ACCOUNT, type ReferenceCredential } from '../accounts.ts';

export const JSON_1_1 = 'application/x-amz-json-1.1';

export interface RawCall {
  /** Base URL of the target, e.g. `http://127.0.0.1:4566` or `http://kms.test`. */
  url: string;
  /** Operation name; sent as `X-Amz-Target: TrentService.<operation>`. `null` sends no target. */
  operation: string | null;
  /** A whole X-Amz-Target value, sent instead of the one `operation` implies. */
  target?: string;
  /** An object is sent as JSON; a string is sent verbatim. */
  body?: unknown;
  contentType?: string;
  credential?: ReferenceCredential;
  region?: string;
  service?: string;
  signingDate: Date;
  /** Sign the X-Amz-Content-Sha256 header too (the signer's default). */
  payloadHashHeader?: boolean;
}

/** Method, URL, headers and body, ready for `fetch(url, init)` or `new Request(url, init)`. */
export interface SignedParts {
  url: string;
  init: { method: 'POST'; headers: Record<string, string>; body: string };
}

function unsigned(call: RawCall): { request: HttpRequest; body: string; base: URL } {
  const base = new URL(call.url);
  const body = typeof call.body === 'string' ? call.body : JSON.stringify(call.body ?? {});
  const headers: Record<string, string> = { host: base.host, 'content-type': call.contentType ?? JSON_1_1 };
  const target = call.target ?? (call.operation === null ? undefined : `TrentService.${call.operation}`);
  if (target !== undefined) headers['x-amz-target'] = target;
  const request = new HttpRequest({
    method: 'POST',
    protocol: base.protocol,
    hostname: base.hostname,
    ...(base.port && { port: Number(base.port) }),
    path: '/',
    headers,
    body,
  });
  return { request, body, base };
}

function signer(call: RawCall, applyChecksum: boolean): SignatureV4 {
  return new SignatureV4({
    service: call.service ?? 'kms',
    region: call.region ?? 'us-east-1',
    credentials: call.credential ?? PRIMARY_ACCOUNT.credentials[0]!,
    sha256: Sha256,
    applyChecksum,
  });
}

/** Signs with an Authorization header. */
export async function signRequest(call: RawCall): Promise<SignedParts> {
  const { request, body, base } = unsigned(call);
  const signed = await signer(call, call.payloadHashHeader ?? true).sign(request, { signingDate: call.signingDate });
  return { url: `${base.origin}/`, init: { method: 'POST', headers: { ...signed.headers }, body } };
}

/** Builds the same request without any signature. */
export function unsignedRequest(call: Omit<RawCall, 'signingDate'>): SignedParts {
  const { request, body, base } = unsigned({ ...call, signingDate: new Date(0) });
  return { url: `${base.origin}/`, init: { method: 'POST', headers: { ...request.headers }, body } };
}

/**
 * Presigns: the signature travels in the query string, the body is still POSTed. X-Amz-Target
 * must stay a header (the service reads it there), so it is kept from being hoisted.
 */
export async function presignRequest(call: RawCall & { expiresIn: number }): Promise<SignedParts> {
  const { request, body, base } = unsigned(call);
  const signed = await signer(call, false).presign(request, {
    signingDate: call.signingDate,
    expiresIn: call.expiresIn,
    unhoistableHeaders: new Set(['x-amz-target']),
  });
  const query = new URLSearchParams(signed.query as Record<string, string>).toString();
  return { url: `${base.origin}/?${query}`, init: { method: 'POST', headers: { ...signed.headers }, body } };
}

export interface JsonAnswer {
  status: number;
  contentType: string | null;
  /** The raw body text. */
  text: string;
  /** The parsed body, or undefined when it is empty. */
  body: Record<string, unknown> | undefined;
}

/** Reads a response as awsJson1_1. */
export async function readAnswer(response: Response): Promise<JsonAnswer> {
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text,
    body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
  };
}
