/**
 * Key ids: the two forms KMS issues (a lowercase UUID v4, `mrk-` and 32 hex digits: REQ-K1, REQ-K3)
 * and strings that are neither (REQ-K4).
 */
import fc from 'fast-check';

const HEX = [...'0123456789abcdef'];
/** Characters of the free-text malformed ids: no whitespace, whose handling AWS does not document. */
const TEXT = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/+=@'];

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MRK = /^mrk-[0-9a-f]{32}$/i;

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...HEX), minLength: length, maxLength: length });

/** A key id as KMS issues them: a lowercase UUID v4. */
export function keyId(): fc.Arbitrary<string> {
  return fc.uuid({ version: 4 });
}

/** A multi-Region key id: `mrk-` and 32 lowercase hex digits. */
export function multiRegionKeyId(): fc.Arbitrary<string> {
  return hex(32).map((h) => `mrk-${h}`);
}

/**
 * True for strings a key identifier could be taken for: a key id in any letter case (AWS's answer
 * to an upper-case id is not documented), an ARN, an alias.
 */
export function looksLikeKeyIdentifier(s: string): boolean {
  const lower = s.toLowerCase();
  return UUID.test(s) || MRK.test(s) || lower.startsWith('arn:') || lower.startsWith('alias/');
}

/** Strings that are not a key id: near misses of both forms (the recorded examples among them) and free text. */
export function malformedKeyId(): fc.Arbitrary<string> {
  return fc
    .oneof(
      keyId().map((u) => u.replaceAll('-', '')),
      keyId().map((u) => u.slice(0, -1)),
      keyId().map((u) => `${u}${u.at(-1)}`),
      keyId().map((u) => u.replaceAll('-', '_')),
      keyId().map((u) => `${u.slice(0, 8)}-${u.slice(8)}`),
      multiRegionKeyId().map((m) => m.slice(0, -1)),
      multiRegionKeyId().map((m) => m.replace('mrk-', 'mrk_')),
      hex(32).map((h) => `mrk-${h.slice(0, 31)}g`),
      fc.constantFrom('fake-key-id', 'key_id', 'mrk-fake-key-id', 'mrk-'),
      fc.string({ unit: fc.constantFrom(...TEXT), minLength: 1, maxLength: 64 }),
    )
    .filter((s) => s.length > 0 && !looksLikeKeyIdentifier(s));
}
