/**
 * @module harness/targets/placeholders
 * Fills `{name}` placeholders in launch settings (args, env values, folders). An unknown
 * placeholder is a configuration mistake, reported by name rather than passed on literally.
 */
import { RunAbort } from '../errors.ts';

export function fill(text: string, values: Record<string, string | undefined>, where: string): string {
  return text.replace(/\{([A-Za-z]+)\}/g, (_, key: string) => {
    const v = values[key];
    if (v === undefined) {
      throw new RunAbort('config', `${where}: placeholder {${key}} has no value here (known: ${Object.keys(values).filter((k) => values[k] !== undefined).map((k) => `{${k}}`).join(', ')})`);
    }
    return v;
  });
}

/** Which placeholders a set of strings uses, so costly ones ({tempDir}, {GOPATH}) are made only when needed. */
export function uses(texts: Iterable<string>, key: string): boolean {
  for (const t of texts) if (t.includes(`{${key}}`)) return true;
  return false;
}
