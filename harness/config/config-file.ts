/**
 * @module harness/config/config-file
 * The config file (`kms-conformance.config.json`): named targets and a default one, validated by one
 * zod schema. A mistake is one line with the file, the line and column of a JSON error, the setting it
 * belongs to, and for an unknown setting the known one it most likely meant.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { RunAbort } from '../errors.ts';
import { formatIssue } from './issues.ts';
import { TargetSchema } from './target-config.ts';

/** A target of the file: what TargetSchema takes, but its name (the key), kind, region and principals may be left out. */
export const FileTargetSchema = TargetSchema.partial({ name: true, kind: true, region: true, principals: true });

export const ConfigFileSchema = z
  .object({
    /** An editor's JSON Schema reference; ignored. */
    $schema: z.string().optional(),
    /** The target `run` uses without --target. */
    defaultTarget: z.string().min(1).optional(),
    targets: z.record(z.string().min(1), FileTargetSchema).default({}),
  })
  .strict();

export type ConfigFile = z.infer<typeof ConfigFileSchema> & { path: string };
export type FileTarget = z.infer<typeof FileTargetSchema>;

/** The config file read by default when present in the working directory. */
export const DEFAULT_CONFIG_FILE = 'kms-conformance.config.json';

/** `line 3, column 14` of a character offset in `text`. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/** JSON.parse, with an error that says where (Node words it as "… in JSON at position N"). */
function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message.split('\n')[0]!;
    const at = /at position (\d+)/.exec(message);
    const why = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    throw new RunAbort('config', `${path}${at ? `: ${lineAndColumn(text, Number(at[1]))}` : ''}: not valid JSON (${why})`);
  }
}

/** Validates a parsed config file; the first problem becomes one line. */
export function parseConfigFile(raw: unknown, path: string): ConfigFile {
  const parsed = ConfigFileSchema.safeParse(raw);
  if (!parsed.success) throw new RunAbort('config', `${path}: ${formatIssue(parsed.error.issues[0]!, ConfigFileSchema)}`);
  return { ...parsed.data, path };
}

/** The config file `--config` names, or ./kms-conformance.config.json when present; undefined when there is none. */
export function readConfigFile(configFlag: string | undefined, cwd: string): ConfigFile | undefined {
  const path = resolve(cwd, configFlag ?? DEFAULT_CONFIG_FILE);
  if (!existsSync(path)) {
    if (configFlag) throw new RunAbort('config', `config file not found: ${path}`);
    return undefined;
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new RunAbort('config', `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseConfigFile(parseJson(text, path), path);
}
