/**
 * @module reference/validation/validate
 * Checks a parsed JSON input against its shape in AWS's model (reference/api, generated from
 * botocore) and answers as AWS does:
 * - a value of the wrong JSON type cannot be deserialised: SerializationException;
 * - constraint violations are collected into one ValidationException worded like the recorded ones
 *   ("1 validation error detected: Value '…' at 'keyId' failed to satisfy constraint: …", REQ-P6).
 * Blobs come back as Buffers and timestamps as Dates. Maps and structures are built without a
 * prototype, so a member named `__proto__` is kept like any other.
 */
import { SHAPES } from '../api/kms-api.generated.ts';
import type { Shape, ShapeTable } from '../api/shape.ts';
import { KmsError } from '../errors.ts';

/** Base64 as a length and a character set: a linear check (a grouped pattern overflowed the stack on megabytes). */
const BASE64_CHARS = /^[A-Za-z0-9+/]*={0,2}$/;
function isBase64(value: string): boolean {
  return value.length % 4 === 0 && BASE64_CHARS.test(value);
}

/** Values longer than this are shown cut short in messages (a 5 MiB Description is not echoed whole). */
const MAX_SHOWN = 4096;
const SHOWN_PREFIX = 256;

/** The earliest and latest instants a Date can hold: timestamps beyond are held at the edge. */
const DATE_LIMIT_MS = 8.64e15;
const TABLE: ShapeTable = SHAPES;

type StructureShape = Extract<Shape, { type: 'structure' }>;

/** AWS member paths are lowerCamelCase (`keyId`, `tags.1.member.tagKey`). */
function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function serializationError(path: string, expected: string): KmsError {
  return new KmsError('SerializationException', `Expected ${expected} at '${path}'`);
}

/** One item of a list as a message shows it; nested values are not walked (they may nest thousands deep). */
function shownItem(v: unknown): string {
  if (Array.isArray(v)) return '[…]';
  if (typeof v === 'object' && v !== null) return '{…}';
  return String(v);
}

/** A value as a message shows it: whole when short, else its start and its length. */
function shownValue(value: unknown): string {
  const text = Array.isArray(value) ? `[${value.map(shownItem).join(', ')}]` : String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, SHOWN_PREFIX)}…(${text.length} characters)` : text;
}

/** Constraint violations, worded only once validation is done (a serialisation error ends it first). */
class Violations {
  private readonly found: (() => string)[] = [];
  add(value: unknown, path: string, constraint: string, sensitive = false): void {
    this.found.push(() => `${sensitive ? 'Value' : value === null ? 'Value null' : `Value '${shownValue(value)}'`} at '${path}' failed to satisfy constraint: ${constraint}`);
  }
  get items(): string[] {
    return this.found.map((f) => f());
  }
}

/** Model patterns are Java regular expressions in the JS-compatible subset; compiled once each. */
const patterns = new Map<string, RegExp>();
function matches(pattern: string, value: string): boolean {
  let re = patterns.get(pattern);
  // Model patterns must match the whole value (some, like Marker's, carry no anchors).
  if (!re) patterns.set(pattern, (re = new RegExp(`^(?:${pattern})$`, 'u')));
  return re.test(value);
}

function shapeNamed(name: string): Shape {
  const shape = TABLE[name];
  if (!shape) throw new Error(`the model has no shape ${name}`);
  return shape;
}

/**
 * Validates and decodes `input` against the structure shape named `shapeName`; throws a KmsError
 * for the first failure class (serialisation before constraints).
 */
export function validateInput(input: Record<string, unknown>, shapeName: string): Record<string, unknown> {
  const shape = shapeNamed(shapeName);
  if (shape.type !== 'structure') throw new Error(`${shapeName} is not a structure`);
  const v = new Violations();
  const out = walkStructure(input, shape, '', v);
  if (v.items.length > 0) {
    const n = v.items.length;
    const head = `${n} validation error${n === 1 ? '' : 's'} detected: `;
    throw new KmsError('ValidationException', head + v.items.join('; '));
  }
  return out;
}

function walkStructure(input: Record<string, unknown>, shape: StructureShape, prefix: string, v: Violations): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const name of shape.required ?? []) {
    if (!Object.hasOwn(input, name) || input[name] === null) v.add(null, prefix + camel(name), 'Member must not be null');
  }
  for (const [name, memberShape] of Object.entries(shape.members)) {
    if (!Object.hasOwn(input, name)) continue;
    const value = input[name];
    if (value === undefined || value === null) continue;
    out[name] = walk(value, shapeNamed(memberShape), prefix + camel(name), v);
  }
  return out;
}

function lengthChecks(n: number, shape: { min?: number; max?: number }, value: unknown, path: string, v: Violations, sensitive?: boolean): void {
  if (shape.min !== undefined && n < shape.min) v.add(value, path, `Member must have length greater than or equal to ${shape.min}`, sensitive);
  if (shape.max !== undefined && n > shape.max) v.add(value, path, `Member must have length less than or equal to ${shape.max}`, sensitive);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walk(value: unknown, shape: Shape, path: string, v: Violations): unknown {
  switch (shape.type) {
    case 'string': {
      if (typeof value !== 'string') throw serializationError(path, 'a string');
      lengthChecks([...value].length, shape, value, path, v, shape.sensitive);
      if (shape.enum && !shape.enum.includes(value)) v.add(value, path, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`, shape.sensitive);
      if (shape.pattern && value.length > 0 && !matches(shape.pattern, value)) {
        v.add(value, path, `Member must satisfy regular expression pattern: ${shape.pattern}`, shape.sensitive);
      }
      return value;
    }
    case 'blob': {
      if (typeof value !== 'string' || !isBase64(value)) throw serializationError(path, 'a base64-encoded blob');
      const bytes = Buffer.from(value, 'base64');
      // Blob values are never echoed: they are binary, and often key material or plaintext.
      lengthChecks(bytes.length, shape, undefined, path, v, true);
      return bytes;
    }
    case 'integer':
    case 'long': {
      if (typeof value !== 'number' || !Number.isInteger(value)) throw serializationError(path, 'an integer');
      if (shape.min !== undefined && value < shape.min) v.add(value, path, `Member must have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value > shape.max) v.add(value, path, `Member must have value less than or equal to ${shape.max}`);
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw serializationError(path, 'a boolean');
      return value;
    case 'timestamp':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw serializationError(path, 'a timestamp in epoch seconds');
      // Beyond what a Date holds (1e13 s, 1e20 s): the earliest or latest instant, so range rules still apply.
      return new Date(Math.max(-DATE_LIMIT_MS, Math.min(DATE_LIMIT_MS, value * 1000)));
    case 'list': {
      if (!Array.isArray(value)) throw serializationError(path, 'a list');
      lengthChecks(value.length, shape, value, path, v, shape.sensitive);
      const member = shapeNamed(shape.member);
      return value.map((item, i) => walk(item, member, `${path}.${i + 1}.member`, v));
    }
    case 'map': {
      if (!isObject(value)) throw serializationError(path, 'a map');
      const out: Record<string, unknown> = Object.create(null);
      const [keyShape, valueShape] = [shapeNamed(shape.key), shapeNamed(shape.value)];
      const entries = Object.entries(value);
      lengthChecks(entries.length, shape, undefined, path, v, true);
      for (const [k, item] of entries) {
        walk(k, keyShape, `${path}.${k}`, v);
        out[k] = walk(item, valueShape, `${path}.${k}`, v);
      }
      return out;
    }
    case 'structure': {
      if (!isObject(value)) throw serializationError(path, 'a structure');
      return walkStructure(value, shape, `${path}.`, v);
    }
  }
}
