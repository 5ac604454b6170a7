/**
 * @module harness/evidence/redact
 * Keeps secrets out of evidence: signatures, session tokens, plaintext and key material never leave
 * the process. Applied to every request and response before it is stored.
 */

const REDACTED = '<redacted>';
/** JSON members whose values are secret: plaintext data and key material (wrapped or not). */
const SECRET_MEMBERS = new Set(['Plaintext', 'PrivateKeyPlaintext', 'SharedSecret', 'EncryptedKeyMaterial', 'SecretAccessKey', 'SessionToken']);
/** Members that are not secret but are long opaque blobs: shown by size only. */
const BLOB_MEMBERS = new Set([
  'CiphertextBlob', 'ImportToken', 'PublicKey', 'CiphertextForRecipient', 'PrivateKeyCiphertextBlob', 'SharedSecretCiphertextBlob',
  // Sensitive in the model (a message to sign or MAC may be secret data); the suite's own are test strings.
  'Message', 'Signature', 'Mac', 'AttestationDocument',
]);
const SECRET_QUERY = new Set(['X-Amz-Signature', 'X-Amz-Security-Token', 'X-Amz-Credential']);

/** Values that must never appear anywhere (the configured secret keys and tokens). */
export class SecretList {
  private readonly values = new Set<string>();
  add(...secrets: (string | undefined)[]): void {
    for (const s of secrets) if (s && s.length >= 4) this.values.add(s);
  }
  scrub(text: string): string {
    let out = text;
    for (const s of this.values) out = out.split(s).join(REDACTED);
    return out;
  }
}

function base64Size(value: unknown): string {
  return typeof value === 'string' ? `${Math.floor((value.length * 3) / 4) - (value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0)} bytes` : 'n/a';
}

/** Redacts one header value by name (lower-case names). */
export function redactHeader(name: string, value: string): string {
  const n = name.toLowerCase();
  if (n === 'authorization') {
    // Keep the scope and signed-header list (useful evidence); drop the key id and signature.
    return value
      .replace(/Credential=([^/,\s]{0,4})[^/,\s]*\//, 'Credential=$1…/')
      .replace(/Signature=[0-9a-f]+/, `Signature=${REDACTED}`);
  }
  if (n === 'x-amz-security-token') return REDACTED;
  return value;
}

export function redactHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = redactHeader(k, v);
  return out;
}

/** Redacts a query string's signing parameters. */
export function redactQuery(query: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) out[k] = SECRET_QUERY.has(k) ? REDACTED : v;
  return out;
}

/** Redacts a JSON body (request or response); non-JSON text is kept as it is. */
export function redactBody(body: string): unknown {
  return redactBodyTelling(body).value;
}

/** The redacted body, and whether a secret member was taken out of it. */
function redactBodyTelling(body: string): { value: unknown; secret: boolean } {
  if (body === '') return { value: '', secret: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { value: body.length > 4000 ? `${body.slice(0, 4000)}… (${body.length} chars)` : body, secret: false };
  }
  const found = { secret: false };
  return { value: redactValue(parsed, found), secret: found.secret };
}

function redactValue(v: unknown, found: { secret: boolean }): unknown {
  if (Array.isArray(v)) return v.map((x) => redactValue(x, found));
  if (typeof v !== 'object' || v === null) return v;
  // No prototype: a member named __proto__ stays in the evidence like any other.
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, val] of Object.entries(v)) {
    if (SECRET_MEMBERS.has(k)) {
      found.secret = true;
      out[k] = `${REDACTED} (${base64Size(val)})`;
    } else if (BLOB_MEMBERS.has(k)) out[k] = `<${k} ${base64Size(val)}>`;
    else out[k] = redactValue(val, found);
  }
  return out;
}

/** Headers derived from the body: a hash of a body whose secrets were redacted would let them be guessed back. */
const BODY_DIGEST_HEADERS = ['x-amz-content-sha256', 'content-md5', 'x-amz-checksum-sha256', 'x-amz-checksum-crc32'];

/**
 * A request as evidence: headers and body redacted, and when the body held a secret, every header
 * computed from the body redacted too (with the SHA-256 of the body, 16 of 40 redacted Encrypt
 * plaintexts could be recovered by hashing candidate bodies).
 */
export function redactRequest(headers: Record<string, string | undefined>, body: string): { headers: Record<string, string>; body: unknown } {
  const { value, secret } = redactBodyTelling(body);
  const out = redactHeaders(headers);
  if (secret) for (const h of BODY_DIGEST_HEADERS) if (h in out) out[h] = `${REDACTED} (computed from a body with secrets)`;
  return { headers: out, body: value };
}
