/**
 * @module harness/config/issues
 * One line for a zod issue in a file someone wrote by hand: the setting's path, what is wrong, and
 * for a setting the schema does not know, the known one it most likely meant.
 */
import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';

/** The keys an object schema at `path` accepts (through optional, default, record, array and union wrappers). */
export function keysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  const def = (schema as z.ZodType)._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
    case 'prefault':
      return keysAt(def.innerType as z.ZodType, path);
    case 'pipe':
      return keysAt(def.in as z.ZodType, path);
    case 'union':
      return [...new Set((def.options as z.ZodType[]).flatMap((o) => keysAt(o, path)))];
    case 'record':
      return path.length ? keysAt(def.valueType as z.ZodType, path.slice(1)) : [];
    case 'array':
      return path.length ? keysAt(def.element as z.ZodType, path.slice(1)) : [];
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      if (!path.length) return Object.keys(shape);
      const next = shape[String(path[0])];
      return next ? keysAt(next, path.slice(1)) : [];
    }
    default:
      return [];
  }
}

/** The known key `key` most likely meant, if one is close enough to be a typo. */
export function didYouMean(key: string, known: readonly string[]): string | undefined {
  if (!known.length) return undefined;
  const best = closest(key, [...known]);
  const lower = key.toLowerCase();
  const near = distance(lower, best.toLowerCase()) <= Math.max(2, Math.floor(key.length / 3)) || best.toLowerCase().startsWith(lower) || lower.startsWith(best.toLowerCase());
  return near ? best : undefined;
}

function where(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : '(top level)';
}

/** `targets.lab: unknown setting "endpointUrl" (did you mean "endpoint"?)`, or `principals.primary.accountId: an account id is 12 digits`. */
export function formatIssue(issue: z.core.$ZodIssue, schema: z.core.$ZodType): string {
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(schema, issue.path);
    const parts = issue.keys.map((k) => {
      const guess = didYouMean(k, known);
      return `"${k}"${guess ? ` (did you mean "${guess}"?)` : ''}`;
    });
    const listing = known.length ? `; known settings here: ${known.join(', ')}` : '';
    return `${where(issue.path)}: unknown setting${issue.keys.length === 1 ? '' : 's'} ${parts.join(', ')}${listing}`;
  }
  return `${where(issue.path)}: ${issue.message}`;
}
