/**
 * @module reference/crypto/der
 * The little DER (X.690) the reference writes and reads itself: SubjectPublicKeyInfo and PKCS#8
 * PrivateKeyInfo for the post-quantum key specs (node:crypto on Node 20 has no ML-DSA or ML-KEM),
 * and PKCS#1 RSAPrivateKey for multi-prime wrapping keys. Every structure here is a fixed shape of
 * SEQUENCE, INTEGER, OBJECT IDENTIFIER, BIT STRING and OCTET STRING, so a general ASN.1 library
 * would add a dependency for a few dozen lines.
 */

const TAG = { INTEGER: 0x02, BIT_STRING: 0x03, OCTET_STRING: 0x04, OID: 0x06, SEQUENCE: 0x30 } as const;

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let m = n; m > 0; m >>= 8) bytes.unshift(m & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** A tag-length-value of `tag` around `body`. */
export function tlv(tag: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

export const sequence = (items: readonly Buffer[]): Buffer => tlv(TAG.SEQUENCE, Buffer.concat(items));
export const octetString = (body: Buffer): Buffer => tlv(TAG.OCTET_STRING, body);
/** A BIT STRING of whole bytes (no unused bits). */
export const bitString = (body: Buffer): Buffer => tlv(TAG.BIT_STRING, Buffer.concat([Buffer.from([0]), body]));

/** An unsigned INTEGER. */
export function integer(x: bigint): Buffer {
  const hex = x.toString(16);
  let body = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  if (body[0]! & 0x80) body = Buffer.concat([Buffer.from([0]), body]);
  return tlv(TAG.INTEGER, body);
}

/** An OBJECT IDENTIFIER from its dotted form. */
export function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number) as [number, number, ...number[]];
  const bytes: number[] = [40 * a + b];
  for (const arc of rest) {
    const base128: number[] = [];
    for (let v = arc; ; v = Math.floor(v / 128)) {
      base128.unshift((v % 128) | (base128.length ? 0x80 : 0));
      if (v < 128) break;
    }
    bytes.push(...base128);
  }
  return tlv(TAG.OID, Buffer.from(bytes));
}

/** SubjectPublicKeyInfo (RFC 5280 §4.1) of an algorithm without parameters. */
export function spki(algorithmOid: string, publicKey: Buffer): Buffer {
  return sequence([sequence([oid(algorithmOid)]), bitString(publicKey)]);
}

/** PKCS#8 PrivateKeyInfo (RFC 5958), version 0, of an algorithm without parameters. */
export function pkcs8(algorithmOid: string, privateKey: Buffer): Buffer {
  return sequence([integer(0n), sequence([oid(algorithmOid)]), octetString(privateKey)]);
}

export interface Element {
  tag: number;
  /** The value bytes. */
  body: Buffer;
  /** Offset just past this element in the buffer it was read from. */
  end: number;
}

/** Reads one element at `offset`; undefined when the bytes are not well-formed DER lengths. */
export function read(buf: Buffer, offset = 0): Element | undefined {
  if (offset + 2 > buf.length) return undefined;
  const tag = buf[offset]!;
  let len = buf[offset + 1]!;
  let start = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3 || start + n > buf.length) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i]!;
    start += n;
  }
  if (start + len > buf.length) return undefined;
  return { tag, body: buf.subarray(start, start + len), end: start + len };
}

/** The whole of `buf` as one element, or undefined when there are bytes before or after it. */
export function readWhole(buf: Buffer): Element | undefined {
  const el = read(buf);
  return el && el.end === buf.length ? el : undefined;
}

export { TAG };
