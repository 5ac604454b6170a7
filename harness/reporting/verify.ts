/**
 * @module harness/reporting/verify
 * Checks a run folder against its certification manifest: results.json unchanged (SHA-256), the
 * manifest's outcomes equal to the results', the results' own summary and verdict consistent, and
 * every requirement of the current catalogue executed. Each problem is one line.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RunAbort } from '../errors.ts';
import { MANIFEST_FILE, sha256, type Manifest } from './manifest.ts';
import { runFilter, summarize, verdictOf, type RunResults } from '../results/index.ts';

export interface Verification {
  /** Tampering or incompleteness; empty when the folder verifies. */
  problems: string[];
  /** Facts worth a line that are not problems (e.g. a different suite version). */
  notes: string[];
  manifest: Manifest;
}

function readJson<T>(path: string, what: string): { value: T; bytes: Buffer } {
  if (!existsSync(path)) throw new RunAbort('usage', `${what} not found: ${path}`);
  const bytes = readFileSync(path);
  try {
    return { value: JSON.parse(bytes.toString('utf8')) as T, bytes };
  } catch (e) {
    throw new RunAbort('usage', `${path}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

function isManifest(m: unknown): m is Manifest {
  const x = m as Partial<Manifest> | null;
  return typeof x === 'object' && x !== null && typeof x.results?.sha256 === 'string' && Array.isArray(x.executed) && Array.isArray(x.notExecuted) && typeof x.suite?.version === 'string';
}

/**
 * Verifies `dir` against the catalogue, the requirement ids the suite declares now. Throws RunAbort
 * (exit 2) when the folder is not a run folder at all.
 */
export function verifyRunFolder(dir: string, catalogue: readonly string[], suiteVersion: string): Verification {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new RunAbort('usage', `not a folder: ${root}`);
  const { value: manifest } = readJson<unknown>(join(root, MANIFEST_FILE), 'manifest');
  if (!isManifest(manifest)) throw new RunAbort('usage', `${join(root, MANIFEST_FILE)}: not a kms-conformance manifest`);
  const { value: results, bytes } = readJson<RunResults>(join(root, manifest.results.file ?? 'results.json'), 'results');
  if (!Array.isArray(results.requirements)) throw new RunAbort('usage', `${join(root, 'results.json')}: not a kms-conformance results file`);

  const problems: string[] = [];
  const notes: string[] = [];
  const hash = sha256(bytes);
  if (hash !== manifest.results.sha256) problems.push(`results.json changed after the run: SHA-256 is ${hash}, the manifest says ${manifest.results.sha256}`);

  // The manifest's outcomes against the results'.
  const inResults = new Map(results.requirements.map((q) => [q.id, q.outcome]));
  const inManifest = new Map(manifest.executed.map((e) => [e.id, e.outcome]));
  for (const [id, outcome] of inManifest) {
    const actual = inResults.get(id);
    if (actual === undefined) problems.push(`${id}: in the manifest (${outcome}) but not in results.json`);
    else if (actual !== outcome) problems.push(`${id}: results.json says ${actual}, the manifest says ${outcome}`);
  }
  for (const [id, outcome] of inResults) if (!inManifest.has(id)) problems.push(`${id}: in results.json (${outcome}) but not in the manifest`);
  if (results.run?.id !== manifest.run.id) problems.push(`run id: results.json says ${results.run?.id}, the manifest says ${manifest.run.id}`);

  // The results' own arithmetic: counts and verdict must follow from the outcomes.
  if (JSON.stringify(summarize(results.requirements)) !== JSON.stringify(results.summary)) problems.push('results.json: the summary counts do not match the outcomes');
  const verdict = verdictOf(results.requirements, results.errors ?? []);
  if (verdict !== results.verdict) problems.push(`results.json: the verdict is ${results.verdict}, but its outcomes make it ${verdict}`);
  if (manifest.verdict !== results.verdict) problems.push(`verdict: results.json says ${results.verdict}, the manifest says ${manifest.verdict}`);

  // Completeness against the suite as it is now.
  if (manifest.suite.version !== suiteVersion) notes.push(`the run used suite ${manifest.suite.version}; this is ${suiteVersion}: checking against the current catalogue`);
  const executed = new Set(inManifest.keys());
  const skipped = catalogue.filter((id) => !executed.has(id));
  for (const id of skipped) problems.push(`${id}: not executed`);
  const known = new Set(catalogue);
  for (const id of executed) if (!known.has(id)) notes.push(`${id}: executed, but not in this suite's catalogue`);
  if (runFilter(manifest.run) !== undefined) notes.push(`the run was limited by ${runFilter(manifest.run)}`);
  if (manifest.run.interrupted) problems.push('the run was interrupted');
  return { problems, notes, manifest };
}
