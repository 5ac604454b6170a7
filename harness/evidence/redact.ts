/**
 * @module harness/evidence/redact
 * Keeps secrets out of evidence: signatures, session tokens, plaintext and key material never leave
 * the process. Applied to every request and response before it is stored.
 */

const REDACTED = '<redacted>';
/** JSON members whose values are secret: plaintext data and key material (wrapped or not). */
const SECRET_MEMBERS = new Set(['Plaintext', 'EncryptedKeyMaterial', 'SecretAccessKey', 'SessionToken']);
/** Members that are not secret but are long opaque blobs: shown by size only. */
const BLOB_MEMBERS = new Set(['CiphertextBlob', 'ImportToken', 'PublicKey', 'CiphertextForRecipient']);
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
  if (body === '') return '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body.length > 4000 ? `${body.slice(0, 4000)}… (${body.length} chars)` : body;
  }
  return redactValue(parsed);
}

function redactValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(redactValue);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    if (SECRET_MEMBERS.has(k)) out[k] = `${REDACTED} (${base64Size(val)})`;
    else if (BLOB_MEMBERS.has(k)) out[k] = `<${k} ${base64Size(val)}>`;
    else out[k] = redactValue(val);
  }
  return out;
}
