/**
 * @module reference/protocol/serialize
 * Handler outputs are the model's types (blobs as Buffers, timestamps as Dates); on the wire,
 * awsJson1_1 sends blobs as base64 strings and timestamps as epoch seconds (a JSON number).
 */

/** The JSON value of an output structure: blobs base64, dates epoch seconds, absent members left out. */
export function toWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWire(v);
    return out;
  }
  return value;
}
