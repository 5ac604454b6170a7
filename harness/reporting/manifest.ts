/**
 * @module harness/reporting/manifest
 * The certification manifest (`manifest.json`): which requirements a run executed and what each came
 * to, which catalogue requirements it did not execute, and the SHA-256 of the exact bytes of
 * `results.json`. `kms-conformance report verify` checks a run folder against it, so a published
 * result can be checked for edits after the run and for skipped checks.
 *
 * The hash detects changes to results.json made without updating the manifest; it is not a
 * signature (whoever can edit both files can make them agree).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArtifactWriter } from './artifact-writer.ts';
import type { Outcome, RunResults } from '../results/index.ts';

export const MANIFEST_VERSION = '1.0.0';
export const MANIFEST_FILE = 'manifest.json';

export interface Manifest {
  manifestVersion: string;
  suite: { name: string; version: string };
  target: { name: string; kind: string; endpoint?: string; region: string };
  run: { id: string; startedAt: string; finishedAt: string; grep?: string; interrupted?: boolean };
  verdict: RunResults['verdict'];
  results: { file: 'results.json'; sha256: string };
  /** Every requirement the run executed, sorted by id, with its outcome. */
  executed: { id: string; outcome: Outcome }[];
  /** Requirements of the suite's catalogue the run did not execute (a --grep run, an interrupted one). */
  notExecuted: string[];
  /** True when every requirement of the catalogue was executed. */
  complete: boolean;
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Builds the manifest of a run from its results, the bytes of results.json and the catalogue. */
export function buildManifest(r: RunResults, resultsBytes: Buffer, catalogue: readonly string[]): Manifest {
  const executed = r.requirements.map((q) => ({ id: q.id, outcome: q.outcome }));
  const ran = new Set(executed.map((e) => e.id));
  const notExecuted = [...new Set(catalogue)].filter((id) => !ran.has(id)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return {
    manifestVersion: MANIFEST_VERSION,
    suite: r.suite,
    target: { name: r.target.name, kind: r.target.kind, ...(r.target.endpoint && { endpoint: r.target.endpoint }), region: r.target.region },
    run: {
      id: r.run.id,
      startedAt: r.run.startedAt,
      finishedAt: r.run.finishedAt,
      ...(r.run.grep !== undefined && { grep: r.run.grep }),
      ...(r.run.filter !== undefined && { filter: r.run.filter }),
      ...(r.run.interrupted && { interrupted: true }),
    },
    verdict: r.verdict,
    results: { file: 'results.json', sha256: sha256(resultsBytes) },
    executed,
    notExecuted,
    complete: notExecuted.length === 0 && !r.run.interrupted,
  };
}

/** Writes manifest.json after results.json (it hashes the bytes on disk). */
export const writeManifest: ArtifactWriter = (results, dir, context) => {
  const manifest = buildManifest(results, readFileSync(join(dir, 'results.json')), context.catalogue);
  const path = join(dir, MANIFEST_FILE);
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return [path];
};
