/**
 * @module harness/run/run
 * `kms-conformance run`: plan (plan.ts), open the session, execute the specs (execute.ts), sweep what
 * was created, build the results (build.ts), write the artefacts, and return the exit code.
 */
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { realServicePlan } from '../aws/aws-safety.ts';
import { KINDS } from '../config/kinds.ts';
import { RunAbort } from '../errors.ts';
import { writeRecordings } from '../recordings/record.ts';
import { writeArtifacts } from '../reporting/artifacts.ts';
import { formatSummary } from '../reporting/summary.ts';
import { gates } from '../results/index.ts';
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
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export async function runSuite(opts: RunOptions, io: Partial<RunIo> = {}): Promise<number> {
  const { write, env, cwd } = { write: (l: string) => process.stdout.write(`${l}\n`), env: process.env, cwd: process.cwd(), ...io };
  const startedAt = new Date();
  const plan = planRun(opts, env, cwd);
  if (KINDS[plan.target.kind].announceStart) write(`starting target ${plan.target.name}…`);
  for (const l of realServicePlan(plan.target, plan.runId, plan.ledgerPath)) write(l);
  const session = await openSession(plan.target, { runId: plan.runId, ledgerPath: plan.ledgerPath, ...(plan.seed !== undefined && { seed: plan.seed }) });
  let execution: Execution;
  let dir: string;
  try {
    dir = prepareOutput(plan.out);
    write(`kms-conformance ${plan.suiteVersion} → ${session.target.name} (${session.target.endpoint ?? 'AWS'}, ${session.target.region}), run ${session.runId}, seed ${session.seed}`);
    if (plan.baseline) write(`baseline: ${plan.baseline.path} (${plan.baseline.file.entries.length} known deviations of ${plan.baseline.file.target})`);
    execution = await executeRun(plan, session, { write, dir });
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
  for (const l of formatSummary(results, [...written, ...byVitest])) write(l);
  if (plan.record) write(writeRecordings(results, plan.record.dir));
  if (execution.safetyRefusals.length) {
    throw new RunAbort('safety', `the harness refused ${execution.safetyRefusals.length} request(s) for safety: changes to resources this run did not create, or keys beyond --max-keys (first: ${execution.safetyRefusals[0]})`);
  }
  if (execution.interrupted) write('the run was interrupted: the results above are partial');
  return execution.interrupted ? 130 : gates(results) ? 1 : 0;
}
