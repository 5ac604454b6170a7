/**
 * @module harness/baseline/locate
 * Which baseline file a run applies: `--no-baseline` (none), `--baseline <file>`, the target's
 * `baseline` in the config file, else `baselines/<target name>.json` in the working directory, then
 * the one shipped with the suite (moto, local-kms, …), when it exists.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TargetConfig } from '../config/target-config.ts';

/** Where the suite ships its baselines. */
export const SHIPPED_BASELINES = resolve(dirname(fileURLToPath(import.meta.url)), '../../baselines');

export interface BaselineFlags {
  /** A file; `false` from `--no-baseline`; undefined to look one up by target. */
  baseline?: string | false;
  /** `--allow-stale`: a baselined requirement that now passes does not fail the run. */
  allowStale?: boolean;
}

/** The file name a target's baseline has: its name, with anything unsafe in a file name made `-`. */
export function baselineFileName(targetName: string): string {
  return `${targetName.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^\.+/, '-')}.json`;
}

/** The baseline file to apply, or undefined for none. A named file is returned even if missing: reading it reports that. */
export function locateBaseline(target: Pick<TargetConfig, 'name'> & { baseline?: string }, flags: BaselineFlags, cwd = process.cwd()): string | undefined {
  if (flags.baseline === false) return undefined;
  if (typeof flags.baseline === 'string') return resolve(cwd, flags.baseline);
  if (target.baseline) return resolve(cwd, target.baseline);
  const name = baselineFileName(target.name);
  return [join(cwd, 'baselines', name), join(SHIPPED_BASELINES, name)].find((p) => existsSync(p));
}
