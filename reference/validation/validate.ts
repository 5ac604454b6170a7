/**
 * @module reference/validation/validate
 * Checks a parsed JSON input against its shape and answers as AWS does:
 * - a value of the wrong JSON type cannot be deserialised: SerializationException;
 * - constraint violations are collected into one ValidationException worded like the recorded ones
 *   ("1 validation error detected: Value '…' at 'keyId' failed to satisfy constraint: …", REQ-P6).
 * Blobs come back as Buffers and timestamps as Dates.
 */
import { KmsError } from '../errors.ts';
import type { Shape } from './shapes.ts';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** AWS member paths are lowerCamelCase (`keyId`, `tags.1.member.tagKey`). */
function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function serializationError(path: string, expected: string): KmsError {
  return new KmsError('SerializationException', `Expected ${expected} at '${path}'`);
}

class Violations {
  readonly items: string[] = [];
  add(value: unknown, path: string, constraint: string, sensitive = false): void {
    const shown = sensitive ? 'Value' : value === null ? 'Value null' : `Value '${String(value)}'`;
    this.items.push(`${shown} at '${path}' failed to satisfy constraint: ${constraint}`);
  }
}

/** Validates and decodes `input` for a structure shape; throws a KmsError on the first failure class. */
export function validateInput(input: Record<string, unknown>, shape: Extract<Shape, { type: 'structure' }>): Record<string, unknown> {
  const v = new Violations();
  const out = walkStructure(input, shape, '', v);
  if (v.items.length > 0) {
    const n = v.items.length;
    const head = `${n} validation error${n === 1 ? '' : 's'} detected: `;
    throw new KmsError('ValidationException', head + v.items.join('; '));
  }
  return out;
}

function walkStructure(input: Record<string, unknown>, shape: Extract<Shape, { type: 'structure' }>, prefix: string, v: Violations): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of shape.required ?? []) {
    if (input[name] === undefined || input[name] === null) v.add(null, prefix + camel(name), 'Member must not be null');
  }
  for (const [name, member] of Object.entries(shape.members)) {
    const value = input[name];
    if (value === undefined || value === null) continue;
    out[name] = walk(value, member, prefix + camel(name), v);
  }
  return out;
}

function walk(value: unknown, shape: Shape, path: string, v: Violations): unknown {
  switch (shape.type) {
    case 'string': {
      if (typeof value !== 'string') throw serializationError(path, 'a string');
      const len = [...value].length;
      if (shape.min !== undefined && len < shape.min) v.add(value, path, `Member must have length greater than or equal to ${shape.min}`, shape.sensitive);
      if (shape.max !== undefined && len > shape.max) v.add(value, path, `Member must have length less than or equal to ${shape.max}`, shape.sensitive);
      if (shape.enum && !shape.enum.includes(value)) v.add(value, path, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`, shape.sensitive);
      // Model patterns must match the whole value (some, like Marker's, carry no anchors).
      if (shape.pattern && len > 0 && !new RegExp(`^(?:${shape.pattern})$`, 'u').test(value)) {
        v.add(value, path, `Member must satisfy regular expression pattern: ${shape.pattern}`, shape.sensitive);
      }
      return value;
    }
    case 'blob': {
      if (typeof value !== 'string' || !BASE64.test(value)) throw serializationError(path, 'a base64-encoded blob');
      const bytes = Buffer.from(value, 'base64');
      // Blob values are never echoed: they are binary, and often key material or plaintext.
      if (shape.min !== undefined && bytes.length < shape.min) v.add(undefined, path, `Member must have length greater than or equal to ${shape.min}`, true);
      if (shape.max !== undefined && bytes.length > shape.max) v.add(undefined, path, `Member must have length less than or equal to ${shape.max}`, true);
      return bytes;
    }
    case 'integer': {
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
      return new Date(value * 1000);
    case 'list': {
      if (!Array.isArray(value)) throw serializationError(path, 'a list');
      if (shape.min !== undefined && value.length < shape.min) v.add(`[${value.join(', ')}]`, path, `Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value.length > shape.max) v.add(`[${value.join(', ')}]`, path, `Member must have length less than or equal to ${shape.max}`);
      return value.map((item, i) => walk(item, shape.member, `${path}.${i + 1}.member`, v));
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw serializationError(path, 'a map');
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(value)) out[k] = walk(item, shape.value, `${path}.${k}`, v);
      return out;
    }
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw serializationError(path, 'a structure');
      return walkStructure(value as Record<string, unknown>, shape, `${path}.`, v);
    }
  }
}
