/**
 * @module harness/recordings/record
 * Record mode: what the target answered to each `observe` check (behaviour nobody knows for AWS)
 * is written as a fixture, `fixtures/recordings/<target>/<REQ-ID>.json`, with volatile values as
 * placeholders, so that a run against real AWS turns unknowns into recorded ground truth and a
 * later run can show what AWS changed (`kms-conformance recordings diff`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { confirmationFor } from '../aws/aws-safety.ts';
import type { TargetConfig } from '../config/target-config.ts';
import { RunAbort } from '../errors.ts';
import { SecretList } from '../evidence/redact.ts';
import type { RequirementResult, RunResults } from '../results/index.ts';
import { accountsOf, Placeholders } from './placeholders.ts';

/** The committed recordings, in the package. */
export const DEFAULT_RECORDINGS_DIR = fileURLToPath(new URL('../../fixtures/recordings', import.meta.url));

/** Observation labels that describe the harness (property seeds and run counts), not the target. */
const HARNESS_LABELS = new Set(['property']);

export interface Recording {
  requirement: string;
  statement: string;
  operation: string;
  target: string;
  region: string;
  recordedAt: string;
  suiteVersion: string;
  outcome: string;
  observations: { label: string; value: unknown }[];
}

/** Recording is for real AWS; `--record-any` allows it for other targets (this project's own tests). */
export function assertMayRecord(target: TargetConfig, opts: { record?: boolean; recordAny?: boolean }): void {
  if (opts.recordAny && !opts.record) throw new RunAbort('usage', '--record-any goes with --record');
  if (opts.record && !confirmationFor(target) && !opts.recordAny) {
    throw new RunAbort('usage', `--record stores AWS's answers as ground truth; target '${target.name}' is not AWS (add --record-any to record it anyway)`);
  }
}

/** The folder name of a target's recordings: its name, with any region in it taken out. */
export function recordingsName(targetName: string): string {
  return targetName.replace(/[-_.]?[a-z]{2}(-gov)?-[a-z]+-\d\b/g, '').replace(/[^\w.-]+/g, '-') || 'target';
}

/** The requirements a run recorded answers for: `observe` checks with observations. */
export function observedIn(results: RunResults): RequirementResult[] {
  return results.requirements.filter((r) => r.strength === 'observe' && r.observations?.some((o) => !HARNESS_LABELS.has(o.label)));
}

/** One requirement's recording, with placeholders applied (numbered per requirement, so each file stands alone). */
export function toRecording(results: RunResults, r: RequirementResult, secrets = new SecretList()): Recording {
  const accounts = accountsOf(results.requirements.flatMap((q) => q.exchanges));
  const ph = new Placeholders({ accounts, region: results.target.region });
  const observations = (r.observations ?? [])
    .filter((o) => !HARNESS_LABELS.has(o.label))
    .map((o) => ({ label: o.label, value: JSON.parse(secrets.scrub(JSON.stringify(ph.apply(o.value) ?? null))) }));
  return {
    requirement: r.id,
    statement: r.statement,
    operation: r.operation,
    target: recordingsName(results.target.name),
    region: results.target.region,
    recordedAt: results.run.finishedAt,
    suiteVersion: results.suite.version,
    outcome: r.outcome,
    observations,
  };
}

/** Writes the run's recordings; returns the line to print. */
export function writeRecordings(results: RunResults, dir?: string): string {
  const folder = join(resolve(dir ?? DEFAULT_RECORDINGS_DIR), recordingsName(results.target.name));
  mkdirSync(folder, { recursive: true });
  const observed = observedIn(results);
  for (const r of observed) writeFileSync(join(folder, `${r.id}.json`), `${JSON.stringify(toRecording(results, r), null, 2)}\n`);
  return `recorded ${observed.length} observe check${observed.length === 1 ? '' : 's'} in ${folder}`;
}
