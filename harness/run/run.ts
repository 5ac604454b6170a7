/**
 * @module harness/run/run
 * `kms-conformance run`: plan (plan.ts), open the session, execute the specs (execute.ts), sweep what
 * was created, build the results (build.ts), write the artefacts, and return the exit code.
 */
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { realServicePlan } from '../aws/aws-safety.ts';
import { KINDS } from '../config/kinds.ts';
import { RunAbort, RunSkipped } from '../errors.ts';
import { writeRecordings } from '../recordings/record.ts';
import { writeArtifacts } from '../reporting/artifacts.ts';
import { formatSummary } from '../reporting/summary.ts';
import { colourEnabled, paint } from '../reporting/colour.ts';
import { gates, isProblem, runFilter, type RunResults } from '../results/index.ts';
import { buildRunResults } from './build.ts';
import { executeRun, type Execution } from './execute.ts';
import { planRun, type RunOptions, type RunPlan } from './plan.ts';
import { openSession } from './session.ts';

export type { RunOptions } from './plan.ts';

/** Makes the output folder, and points `reports/latest` at it when the default folder is used. */
function prepareOutput(out: RunPlan['out']): string {
  mkdirSync(out.dir, { recursive: true });
  if (out.latest) {
    rmSync(out.latest, { force: true });
    try {
      symlinkSync(basename(out.dir), out.latest);
    } catch {
      /* a file system without symlinks: reports/<run id> is still there */
    }
  }
  return out.dir;
}

/** Where a run prints, and the environment and working directory it resolves its settings in. */
export interface RunIo {
  write: (line: string) => void;
  /** Standard error: with `json`, every human line goes there. */
  writeErr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Standard output is a terminal (colour, unless NO_COLOR; FORCE_COLOR forces it). */
  isTTY?: boolean;
}

export interface RunOutput {
  /** Print the human lines on standard error and one JSON summary on standard output (for scripts). */
  json?: boolean;
  /** A target that cannot run here (no container runtime) is an error, not a skip. */
  requireRuntime?: boolean;
}

/** The machine-readable summary `run --json` prints: what a script needs to act on the run. */
export function jsonSummary(results: RunResults, exitCode: number, written: readonly string[]) {
  return {
    verdict: results.verdict,
    exitCode,
    run: { id: results.run.id, durationMs: results.run.durationMs, ...(runFilter(results.run) && { filter: runFilter(results.run) }), ...(results.run.interrupted && { interrupted: true }) },
    target: { name: results.target.name, kind: results.target.kind, ...(results.target.version && { version: results.target.version }) },
    summary: results.summary,
    problems: results.requirements.filter((q) => isProblem(q.outcome)).map((q) => ({ id: q.id, strength: q.strength, outcome: q.outcome, message: q.failure?.message })),
    ...(results.baseline && { baseline: results.baseline.path }),
    errors: results.errors,
    written,
  };
}

/** A warning when the baseline has provisional entries: their reasons are a failure's text, not an explanation. */
function unreviewedWarning(plan: RunPlan): string[] {
  const provisional = plan.baseline?.file.entries.filter((e) => e.reviewed === false).map((e) => e.id) ?? [];
  if (!provisional.length) return [];
  const shown = provisional.slice(0, 10).join(', ') + (provisional.length > 10 ? ` and ${provisional.length - 10} more` : '');
  return [`warning: ${provisional.length} baseline entr${provisional.length === 1 ? 'y is' : 'ies are'} provisional ("reviewed": false in ${plan.baseline!.path}): replace each reason by an explanation and delete the line (${shown})`];
}

export async function runSuite(opts: RunOptions & RunOutput, io: Partial<RunIo> = {}): Promise<number> {
  const given = { write: (l: string) => process.stdout.write(`${l}\n`), writeErr: (t: string) => process.stderr.write(t), env: process.env, cwd: process.cwd(), ...io };
  const { env, cwd } = given;
  const write = opts.json ? (l: string) => given.writeErr(`${l}\n`) : given.write;
  const colours = paint(colourEnabled(env, opts.json ? false : given.isTTY));
  const startedAt = new Date();
  const plan = planRun(opts, env, cwd);
  if (KINDS[plan.target.kind].announceStart) write(`starting target ${plan.target.name}…`);
  for (const l of realServicePlan(plan.target, plan.runId, plan.ledgerPath)) write(l);
  for (const l of unreviewedWarning(plan)) write(l);
  const session = await openSession(plan.target, { runId: plan.runId, ledgerPath: plan.ledgerPath, ...(plan.seed !== undefined && { seed: plan.seed }) }).catch((e: unknown) => {
    if (e instanceof RunSkipped && opts.requireRuntime) throw new RunAbort('unreachable', `${e.message} (--require-runtime: not skipping)`);
    throw e;
  });
  let execution: Execution;
  let dir: string;
  try {
    dir = prepareOutput(plan.out);
    write(`kms-conformance ${plan.suiteVersion} → ${session.target.name} (${session.target.endpoint ?? 'AWS'}, ${session.target.region}), run ${session.runId}, seed ${session.seed}`);
    if (plan.baseline) write(`baseline: ${plan.baseline.path} (${plan.baseline.file.entries.length} known deviations of ${plan.baseline.file.target})`);
    execution = await executeRun(plan, session, { write, dir, colours });
  } catch (e) {
    // The run itself broke: still sweep and stop what the session started.
    await session.close().catch(() => undefined);
    throw e;
  }
  const sweep = await session.close({ byTag: execution.interrupted });
  const { results, notes } = buildRunResults({ plan, target: session.target, seed: session.seed, execution, sweep, startedAt, finishedAt: new Date() });
  for (const note of notes) write(`baseline: ${note}`);
  const written = await writeArtifacts(results, dir, { catalogue: plan.catalogue });
  // allure-results/ is written by the allure-vitest reporter, not by an artefact writer.
  const byVitest = [join(dir, 'allure-results')].filter((p) => existsSync(p));
  for (const l of formatSummary(results, [...written, ...byVitest], cwd, colours)) write(l);
  if (plan.record) write(writeRecordings(results, plan.record.dir));
  if (execution.safetyRefusals.length) {
    throw new RunAbort('safety', `the harness refused ${execution.safetyRefusals.length} request(s) for safety: changes to resources this run did not create, or keys beyond --max-keys (first: ${execution.safetyRefusals[0]})`);
  }
  if (execution.interrupted) write('the run was interrupted: the results above are partial');
  const code = execution.interrupted ? 130 : gates(results) ? 1 : 0;
  if (opts.json) given.write(JSON.stringify(jsonSummary(results, code, [...written, ...byVitest]), null, 2));
  return code;
}
