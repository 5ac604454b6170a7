/**
 * @module harness/run/run
 * `kms-conformance run`: resolve the target, open the session (preflight), run the specs through
 * vitest, write results.json and junit.xml, sweep what was created, and return the exit code.
 */
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createVitest } from 'vitest/node';
import { applyBaseline } from '../baseline/apply.ts';
import { readBaseline } from '../baseline/baseline-file.ts';
import { locateBaseline, type BaselineFlags } from '../baseline/locate.ts';
import { resolveTarget, type TargetFlags } from '../config/resolve-target.ts';
import { RunAbort } from '../errors.ts';
import { ConsoleReporter } from '../reporting/console-reporter.ts';
import { writeArtifacts } from '../reporting/artifacts.ts';
import { formatSummary } from '../reporting/summary.ts';
import { gates, RESULTS_SCHEMA_VERSION, summarize, verdictOf, type RunResults } from '../reporting/results.ts';
import { ResultsReporter } from '../reporting/results-reporter.ts';
import { awsEndpoint } from '../aws/aws-endpoint.ts';
import { assertAwsConfirmed, AWS_DEFAULT_MAX_KEYS, awsPlan } from '../aws/aws-safety.ts';
import { assertMayRecord, writeRecordings } from '../recordings/record.ts';
import { allureEnvironment } from '../reporting/allure-environment.ts';
import { PACKAGE_ROOT, suiteVersion } from './suite.ts';
import { handSession, newRunId, openSession, type Session } from './session.ts';


export { PACKAGE_ROOT, suiteVersion };

export interface RunOptions extends TargetFlags, BaselineFlags {
  out?: string;
  grep?: string;
  seed?: number;
  /** The confirmation a run against real AWS needs (CONFIRM_FLAG). */
  yesCreateRealAwsKeys?: boolean;
  /** Store the target's answers to observe checks as recordings (aws targets; any target with recordAny). */
  record?: boolean;
  recordAny?: boolean;
  /** Where recordings go (default fixtures/recordings in the package). */
  recordings?: string;
}


/** The output folder: --out, or reports/<run id> with reports/latest pointing at it. */
function outputDir(opts: RunOptions, runId: string): string {
  if (opts.out) return resolve(opts.out);
  const reports = resolve('reports');
  const dir = join(reports, runId);
  mkdirSync(dir, { recursive: true });
  rmSync(join(reports, 'latest'), { force: true });
  try {
    symlinkSync(runId, join(reports, 'latest'));
  } catch {
    /* a file system without symlinks: reports/<run id> is still there */
  }
  return dir;
}

export async function runSuite(opts: RunOptions, write: (l: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const startedAt = new Date();
  const resolved = resolveTarget(opts);
  assertAwsConfirmed(resolved, opts.yesCreateRealAwsKeys);
  assertMayRecord(resolved, opts);
  const target = resolved.kind === 'aws' ? { ...resolved, maxKeys: resolved.maxKeys ?? AWS_DEFAULT_MAX_KEYS } : resolved;
  // Read before anything starts: a bad baseline file ends the run with one line and exit code 2.
  const baselinePath = locateBaseline(target, opts);
  const baseline = baselinePath ? { path: baselinePath, file: readBaseline(baselinePath) } : undefined;
  if (target.kind === 'process' || target.kind === 'container') write(`starting target ${target.name}…`);
  const runId = newRunId();
  const ledgerPath = join(tmpdir(), `${runId}.resources.jsonl`);
  if (target.kind === 'aws') for (const l of awsPlan({ ...target, endpoint: awsEndpoint(target.region) }, runId, ledgerPath)) write(l);
  const session: Session = await openSession(target, { runId, ledgerPath, ...(opts.seed !== undefined && { seed: opts.seed }) });
  const dir = outputDir(opts, session.runId);
  mkdirSync(dir, { recursive: true });
  const results = new ResultsReporter();
  write(`kms-conformance ${suiteVersion()} → ${session.target.name} (${session.target.endpoint ?? 'AWS'}, ${session.target.region}), run ${session.runId}, seed ${session.seed}`);
  if (baseline) write(`baseline: ${baseline.path} (${baseline.file.entries.length} known deviations of ${baseline.file.target})`);
  handSession(session);
  let interrupted = false;
  try {
    const signalListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
    const vitest = await createVitest('test', {
      root: PACKAGE_ROOT,
      config: join(PACKAGE_ROOT, 'vitest.config.ts'),
      project: ['conformance'],
      run: true,
      watch: false,
      ...(opts.grep && { testNamePattern: opts.grep }),
      // Against AWS one spec file at a time: one worker holds the run's rate limiter, and the key count stays exact.
      ...(target.kind === 'aws' && { fileParallelism: false, maxWorkers: 1 }),
      reporters: [
        new ConsoleReporter(write, baseline?.file),
        results,
        ['allure-vitest/reporter', { resultsDir: join(dir, 'allure-results'), environmentInfo: allureEnvironment(session, suiteVersion()) }],
      ],
    });
    // vitest's logger answers SIGINT and SIGTERM by exiting the process a millisecond later, which
    // would cut the sweep short and leave keys behind: the run handles these signals itself.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      for (const l of process.listeners(signal)) if (!signalListeners[signal].includes(l)) process.removeListener(signal, l);
    }
    // First signal: stop starting new checks, let running ones tear down, then sweep and report.
    // Second signal: sweep what the ledger lists and leave at once.
    const onSignal = () => {
      if (interrupted) {
        void session.close({ byTag: true }).finally(() => process.exit(130));
        return;
      }
      interrupted = true;
      write('\ninterrupted: finishing the running checks, then scheduling deletion of what this run created…');
      void vitest.cancelCurrentRun('keyboard-input');
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      await vitest.start();
    } finally {
      await vitest.close();
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    }
  } catch (e) {
    // The run itself broke: still sweep and stop what the session started.
    await session.close().catch(() => undefined);
    throw e;
  } finally {
    handSession(undefined);
  }
  const sweep = await session.close({ byTag: interrupted });
  if (opts.grep && results.results.length === 0 && results.errors.length === 0) {
    throw new RunAbort('usage', `no requirement matched --grep '${opts.grep}'`);
  }
  const finishedAt = new Date();
  const applied = baseline && applyBaseline(results.results, baseline.file, { path: baseline.path, catalogue: new Set(results.catalogue), allowStale: opts.allowStale ?? false });
  for (const note of applied?.notes ?? []) write(`baseline: ${note}`);
  const requirements = applied?.requirements ?? results.results;
  const errors = [...results.errors, ...sweep.problems.map((p) => `cleanup: ${p}`)];
  const verdict = verdictOf(requirements, results.errors, applied?.info);
  const t = session.target;
  const out: RunResults = {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    suite: { name: 'kms-conformance', version: suiteVersion() },
    run: {
      id: session.runId,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      seed: session.seed,
      ...(opts.grep && { grep: opts.grep }),
      ...(interrupted ? { interrupted: true } : {}),
    },
    target: { name: t.name, kind: t.kind, ...(t.endpoint && { endpoint: t.endpoint }), region: t.region, principals: Object.keys(t.principals), ...(t.version && { version: t.version }), ...(t.declared && { declared: t.declared }) },
    ...(applied && { baseline: applied.info }),
    verdict,
    summary: summarize(requirements),
    requirements,
    errors,
  };
  const written = await writeArtifacts(out, dir, { catalogue: results.catalogue });
  // allure-results/ is written by the allure-vitest reporter, not by an artefact writer.
  const byVitest = ['allure-results'].map((f) => join(dir, f)).filter((p) => existsSync(p));
  for (const l of formatSummary(out, [...written, ...byVitest])) write(l);
  if (opts.record) write(writeRecordings(out, opts.recordings));
  if (results.safetyRefusals.length) {
    throw new RunAbort('safety', `the harness refused ${results.safetyRefusals.length} request(s) for safety: changes to resources this run did not create, or keys beyond --max-keys (first: ${results.safetyRefusals[0]})`);
  }
  if (interrupted) write('the run was interrupted: the results above are partial');
  // Vitest sets process.exitCode on failures; the exit code is ours to decide.
  process.exitCode = undefined;
  return interrupted ? 130 : gates(out) ? 1 : 0;
}
