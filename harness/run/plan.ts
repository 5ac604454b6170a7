/**
 * @module harness/run/plan
 * The plan of a run, made before anything starts: the resolved target, the baseline, the output
 * folder, which requirements (and so which spec files) run, the run id and seed. Every mistake a
 * user can make on the command line is found here, as one line and exit code 2.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { assertConfirmed } from '../aws/aws-safety.ts';
import { readBaseline, type BaselineFile } from '../baseline/baseline-file.ts';
import { locateBaseline, type BaselineFlags } from '../baseline/locate.ts';
import { describeSelection, exactNamePattern, isFiltered, readCatalogue, type CatalogueEntry } from '../catalogue/catalogue.ts';
import { resolveTarget, type TargetFlags } from '../config/resolve-target.ts';
import type { TargetConfig } from '../config/target-config.ts';
import { RunAbort } from '../errors.ts';
import { assertMayRecord } from '../recordings/record.ts';
import { suiteVersion } from '../suite.ts';
import { selectedRequirements, type SelectionFlags } from './selection.ts';
import { newRunId } from './session.ts';

export interface RunOptions extends TargetFlags, BaselineFlags, SelectionFlags {
  out?: string;
  seed?: number;
  /** The confirmation a run against real AWS needs (CONFIRM_FLAG). */
  yesCreateRealAwsKeys?: boolean;
  /** Store the target's answers to observe checks as recordings (aws targets; any target with recordAny). */
  record?: boolean;
  recordAny?: boolean;
  /** Where recordings go (default fixtures/recordings in the package). */
  recordings?: string;
}

export interface RunPlan {
  readonly suiteVersion: string;
  readonly runId: string;
  readonly target: TargetConfig;
  readonly baseline?: { readonly path: string; readonly file: BaselineFile };
  readonly allowStale: boolean;
  /** The output folder, and the `latest` link to point at it when the default folder is used. */
  readonly out: { readonly dir: string; readonly latest?: string };
  /**
   * The requirements to run; `files` are their spec files (all files when nothing was filtered).
   * `grep` is --grep as given; `filter` describes every filter (`--grep 'KEY' --strength must`), and
   * `namePattern` is the vitest test-name pattern that selects exactly the requirements.
   */
  readonly selection: {
    readonly grep?: string;
    readonly filter?: string;
    readonly namePattern?: string;
    /** `--shard i/n`: this run is part i of n. */
    readonly shard?: { readonly index: number; readonly count: number };
    readonly requirements: readonly CatalogueEntry[];
    readonly files: readonly string[];
  };
  /** Every requirement id of the suite. */
  readonly catalogue: readonly string[];
  readonly seed?: number;
  readonly ledgerPath: string;
  readonly record?: { readonly dir?: string };
}

/** The nearest folder that exists at or above `path`. */
function existingAncestor(path: string): string {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

/** Refuses an output folder that cannot be created or written, before anything starts. */
export function checkOutputDir(dir: string): void {
  const at = existingAncestor(dir);
  const problem = (why: string) => new RunAbort('usage', `--out ${dir}: ${why}`);
  let st;
  try {
    st = statSync(at);
  } catch {
    throw problem('cannot be created');
  }
  if (!st.isDirectory()) throw problem(`${at} is not a folder`);
  try {
    accessSync(at, constants.W_OK | constants.X_OK);
  } catch {
    throw problem(`${at} is not writable`);
  }
  if (/^\/(proc|sys|dev)(\/|$)/.test(resolve(dir))) throw problem('is in a system file system');
}

/** Makes the plan; throws RunAbort (exit 2) with one line for anything the user must fix. */
export function planRun(opts: RunOptions, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd(), now = new Date()): RunPlan {
  const target = resolveTarget(opts, env, cwd);
  assertConfirmed(target, opts.yesCreateRealAwsKeys);
  assertMayRecord(target, opts);
  // Read before anything starts: a bad baseline file ends the run with one line and exit code 2.
  const baselinePath = locateBaseline(target, opts, cwd);
  const catalogue = readCatalogue();
  const { selection, requirements } = selectedRequirements(opts, cwd);
  const filtered = isFiltered(selection);
  const runId = newRunId(now);
  const reports = resolve(cwd, 'reports');
  const out = opts.out ? { dir: resolve(cwd, opts.out) } : { dir: join(reports, runId), latest: join(reports, 'latest') };
  checkOutputDir(out.dir);
  const files = filtered ? [...new Set(requirements.map((r) => r.file))] : [];
  return {
    suiteVersion: suiteVersion(),
    runId,
    target,
    ...(baselinePath && { baseline: { path: baselinePath, file: readBaseline(baselinePath) } }),
    allowStale: opts.allowStale ?? false,
    out,
    selection: {
      ...(opts.grep !== undefined && { grep: opts.grep }),
      ...(filtered && { filter: describeSelection(selection)!, namePattern: exactNamePattern(requirements) }),
      ...(selection.shard && { shard: selection.shard }),
      requirements,
      files,
    },
    catalogue: catalogue.map((r) => r.id),
    ...(opts.seed !== undefined && { seed: opts.seed }),
    ledgerPath: join(tmpdir(), `${runId}.resources.jsonl`),
    ...(opts.record && { record: { ...(opts.recordings && { dir: opts.recordings }) } }),
  };
}
