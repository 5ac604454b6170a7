/**
 * @module harness/spec/property
 * Property-based checks against a target: fast-check parameters sized for where the target is
 * (loopback: more runs and shrinking; over the network: a few runs, no shrinking), seeded with the
 * run's seed, and a failure that says how to replay its counterexample.
 *
 * Environment variables:
 * - `KMS_CONFORMANCE_PROPERTY_RUNS`: runs per property (default 20 on loopback, 5 otherwise)
 * - `KMS_CONFORMANCE_PROPERTY_MAX_COMMANDS`: most commands per model run (default 25 / 8)
 * - `KMS_CONFORMANCE_PROPERTY_MAX_SHRINKS`: most shrink steps tried after a failure (default 100 on
 *   loopback; none otherwise, where a failure ends the property unshrunk)
 * - `KMS_CONFORMANCE_REPLAY_PATH`: `<path>` or `<path>@<commands replayPath>`, printed by a failure;
 *   meant for one requirement at a time (`--grep <ID>`), with the same `--seed`.
 */
import { confirmationFor } from '../aws/aws-safety.ts';
import fc from 'fast-check';
import { expect } from 'vitest';
import { ExpectationFailure } from './expect-kms-error.ts';
import { Blocked } from './blocked.ts';
import type { SpecContext } from './requirement-test.ts';
import type { TargetConfig } from '../config/target-config.ts';

export const RUNS_ENV = 'KMS_CONFORMANCE_PROPERTY_RUNS';
export const MAX_COMMANDS_ENV = 'KMS_CONFORMANCE_PROPERTY_MAX_COMMANDS';
export const MAX_SHRINKS_ENV = 'KMS_CONFORMANCE_PROPERTY_MAX_SHRINKS';
export const REPLAY_ENV = 'KMS_CONFORMANCE_REPLAY_PATH';

/** Wall-clock budget of one property; a failure found before it ends is still reported, shrunk so far. */
export const PROPERTY_TIME_LIMIT_MS = 150_000;
/** Test timeout for a property requirement: the budget plus time to tear down what it created. */
export const PROPERTY_TEST_TIMEOUT_MS = PROPERTY_TIME_LIMIT_MS + 90_000;

export interface PropertyParams {
  seed: number;
  numRuns: number;
  /** Stop at the first failure without shrinking (slow targets). */
  endOnFailure: boolean;
  /**
   * Most shrunk values tried after a failure (fast-check's limitShrink). Unbounded, one failing
   * property against an emulator replayed a 4,096-byte plaintext byte by byte: 11,755 calls and two
   * minutes for one requirement. A count, not a time, so a run under load shrinks to the same value.
   */
  maxShrinks: number;
  /** Replays one counterexample (from KMS_CONFORMANCE_REPLAY_PATH). */
  path?: string;
  interruptAfterTimeLimit: number;
  /** Constraints for `fc.commands` in model-based checks. */
  commands: { maxCommands: number; size: 'max'; replayPath?: string };
}

/** Shrink steps after a failure on loopback: a counterexample much smaller than the first, at a bounded cost. */
export const DEFAULT_MAX_SHRINKS = 100;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function isLoopback(kms: SpecContext): boolean {
  if (!kms.target.endpoint) return false;
  return LOOPBACK.has(new URL(kms.target.endpoint).hostname);
}

function positiveInteger(name: string, env: NodeJS.ProcessEnv): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`${name} must be a positive whole number, not '${raw}'`);
  return Number(raw);
}

function replay(env: NodeJS.ProcessEnv): { path?: string; replayPath?: string } {
  const raw = env[REPLAY_ENV];
  if (!raw) return {};
  const [path, replayPath] = raw.split('@');
  if (!path || !/^\d+(:\d+)*$/.test(path)) throw new Error(`${REPLAY_ENV} must be '<path>' or '<path>@<replayPath>' as a failure printed it, not '${raw}'`);
  return { path, ...(replayPath && { replayPath }) };
}

/**
 * fast-check parameters for this run and target: `seed` is the run's seed (`kms-conformance run --seed N`).
 * @example
 * const params = propertyParams(kms);
 * await assertProperty(kms, fc.asyncProperty(fc.commands(cmds, params.commands), run), params);
 */
export function propertyParams(kms: SpecContext, env: NodeJS.ProcessEnv = process.env): PropertyParams {
  const local = isLoopback(kms);
  const { path, replayPath } = replay(env);
  return {
    seed: kms.seed,
    numRuns: positiveInteger(RUNS_ENV, env) ?? (local ? 20 : 5),
    // Shrinking replays many sequences: worth it in-process, too slow against a remote service.
    endOnFailure: !local,
    maxShrinks: positiveInteger(MAX_SHRINKS_ENV, env) ?? (local ? DEFAULT_MAX_SHRINKS : 0),
    ...(path && { path }),
    interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS,
    // size 'max': sequence lengths spread over 0…maxCommands rather than staying short.
    commands: { maxCommands: positiveInteger(MAX_COMMANDS_ENV, env) ?? (local ? 25 : 8), size: 'max', ...(replayPath && { replayPath }) },
  };
}

/** The requirement id of the running test (`<ID> — <statement>`). */
function currentRequirementId(): string {
  return expect.getState().currentTestName?.split(' — ')[0]?.trim() || '<ID>';
}

interface RanCommand {
  hasRan?: boolean;
  toString(): string;
}

/** One line per value; a command sequence as the commands that ran, one per line. */
function counterexampleLines(counterexample: unknown): string[] {
  const values = Array.isArray(counterexample) ? counterexample : [counterexample];
  const lines: string[] = [];
  for (const value of values) {
    const items = value && typeof value === 'object' && Symbol.iterator in value ? [...(value as Iterable<unknown>)] : undefined;
    if (items && items.every((c) => typeof (c as RanCommand)?.hasRan === 'boolean')) {
      lines.push(...(items as RanCommand[]).filter((c) => c.hasRan).map((c) => c.toString()));
    } else {
      lines.push(fc.stringify(value));
    }
  }
  return lines;
}

/** The options that name `t` again in a replay command line (none for the embedded target). */
export function replayTargetFlags(t: TargetConfig): string {
  if (t.kind === 'embedded') return '';
  // A target of a config file is found by its name in that file: the replay must name the file too.
  const config = t.configFile ? ` --config ${t.configFile}` : '';
  const confirm = confirmationFor(t);
  if (confirm) return `${config} --target ${t.name} --region ${t.region} ${confirm}`;
  if (t.name !== 'endpoint') return `${config} --target ${t.name}`;
  return ` --endpoint ${t.endpoint} --region ${t.region}`;
}

/** What a failed run of the inner check answered, kept for the report's expected/actual. */
function innerAnswer(error: unknown): { expected?: unknown; actual?: unknown; message: string } {
  if (error instanceof ExpectationFailure) return { expected: error.expected, actual: error.actual, message: error.message };
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  if (e?.$metadata) return { expected: 'success', actual: { code: e.name, status: e.$metadata.httpStatusCode }, message: `${e.name}: ${e.message}` };
  return { message: error instanceof Error ? error.message : String(error) };
}

/**
 * Checks `predicate` for values of `arb` with `params` (shrinking a failure at most
 * `params.maxShrinks` steps); on failure throws an error whose message has the seed, the path,
 * the shrunk counterexample and the command line that replays it, also recorded as the
 * observation 'counterexample' for results.json.
 * @param o.setup what every run does before the counterexample's values or commands, shown first
 * @example
 * await assertProperty(kms, fc.nat(), async (n) => { … }, propertyParams(kms));
 */
export async function assertProperty<T>(
  kms: SpecContext,
  arb: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<boolean | void>,
  params: PropertyParams,
  o: { setup?: string } = {},
): Promise<void> {
  const property = fc.asyncProperty(fc.limitShrink(arb, params.maxShrinks), predicate);
  const details = await fc.check(property, {
    seed: params.seed,
    numRuns: params.numRuns,
    endOnFailure: params.endOnFailure,
    ...(params.path && { path: params.path }),
    interruptAfterTimeLimit: params.interruptAfterTimeLimit,
    markInterruptAsFailure: false,
  });
  kms.observe('property', { seed: details.seed, runs: details.numRuns, interrupted: details.interrupted, ...(params.path && { replayed: params.path }) });
  if (!details.failed) return;
  // A set-up step that met another requirement's finding: that, not a counterexample, is the story.
  if (details.errorInstance instanceof Blocked) throw details.errorInstance;

  const id = currentRequirementId();
  const lines = [...(o.setup ? [`(setup) ${o.setup}`] : []), ...(details.counterexample ? counterexampleLines(details.counterexample) : [])];
  // fast-check records which commands ran only while shrinking; ':' is its empty record.
  const recorded = details.counterexample ? /replayPath="([^"]+)"/.exec(fc.stringify(details.counterexample))?.[1] : undefined;
  const replayPath = recorded && recorded !== ':' ? recorded : undefined;
  const path = details.counterexamplePath ?? '';
  const replayValue = replayPath ? `${path}@${replayPath}` : path;
  const command = `${REPLAY_ENV}='${replayValue}' kms-conformance run --grep ${id} --seed ${details.seed}${replayTargetFlags(kms.target)}`;
  const inner = innerAnswer(details.errorInstance);
  kms.observe('counterexample', { seed: details.seed, path, ...(replayPath && { replayPath }), counterexample: lines, failure: inner.message, replay: command });

  // Reports show a failure's first line: it carries the whole story; the lines after repeat it laid out.
  const summary = `property failed: ${inner.message.split('\n')[0]} | counterexample: ${lines.join('; ')} | seed ${details.seed}, path ${path} | replay: ${command}`;
  const message = [
    summary,
    `runs: ${details.numRuns}, shrinks: ${details.numShrinks}${details.interrupted ? ' (time limit reached while shrinking)' : ''}`,
    `seed: ${details.seed}   path: ${path}${replayPath ? `   replayPath: ${replayPath}` : ''}`,
    'counterexample:',
    ...lines.map((l) => `  ${l}`),
    `failure: ${inner.message}`,
    `replay: ${command}`,
  ].join('\n');
  throw new ExpectationFailure(message, inner.expected, inner.actual);
}
