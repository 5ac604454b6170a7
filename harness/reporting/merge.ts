/**
 * @module harness/reporting/merge
 * `report merge`: the parts of a sharded run (`run --shard i/n`, on several machines or CI jobs)
 * joined into one run folder, with one results.json, manifest, JUnit file and report, as if one run
 * had checked everything. Parts must be of one suite, one target and one seed, and no requirement
 * may be in two of them; anything else is refused with one line (exit 2). The verdict is computed
 * again from the joined outcomes.
 */
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readRunResults } from '../baseline/read-results.ts';
import { RunAbort } from '../errors.ts';
import { summarize, verdictOf, type RunResults } from '../results/index.ts';

export interface MergeInput {
  /** Where the part was read from (its folder or results.json), for messages. */
  where: string;
  results: RunResults;
}

const SHARD_OPTION = / ?--shard \d+\/\d+/;

/** One line naming the parts that disagree. */
function disagree(what: string, a: MergeInput, b: MergeInput, va: unknown, vb: unknown): RunAbort {
  return new RunAbort('usage', `cannot merge ${a.where} and ${b.where}: they are runs of different ${what} (${String(va)} and ${String(vb)})`);
}

/** The parts joined; throws RunAbort when they are not parts of one run. */
export function mergeRuns(parts: readonly MergeInput[]): RunResults {
  if (parts.length < 2) throw new RunAbort('usage', 'report merge needs two or more run folders (the parts of a sharded run)');
  const [first] = parts as [MergeInput, ...MergeInput[]];
  const f = first.results;
  for (const p of parts.slice(1)) {
    const r = p.results;
    if (r.suite.name !== f.suite.name || r.suite.version !== f.suite.version) throw disagree('suites', first, p, `${f.suite.name} ${f.suite.version}`, `${r.suite.name} ${r.suite.version}`);
    // A target the harness starts gets a free port each time: its endpoint tells nothing.
    const keys = f.target.kind === 'endpoint' ? (['name', 'kind', 'endpoint', 'region', 'version'] as const) : (['name', 'kind', 'region', 'version'] as const);
    for (const k of keys) {
      if (r.target[k] !== f.target[k]) throw disagree(`targets (${k})`, first, p, f.target[k] ?? '—', r.target[k] ?? '—');
    }
    if (r.run.seed !== f.run.seed) throw disagree('seeds', first, p, f.run.seed, r.run.seed);
    if ((r.baseline?.path ?? '') !== (f.baseline?.path ?? '')) throw disagree('baselines', first, p, f.baseline?.path ?? 'none', r.baseline?.path ?? 'none');
    if ((r.run.filter ?? '').replace(SHARD_OPTION, '') !== (f.run.filter ?? '').replace(SHARD_OPTION, '')) {
      throw disagree('selections', first, p, f.run.filter ?? 'everything', r.run.filter ?? 'everything');
    }
    if (r.run.shard && f.run.shard && r.run.shard.count !== f.run.shard.count) throw disagree('shard counts', first, p, f.run.shard.count, r.run.shard.count);
  }
  const owner = new Map<string, string>();
  for (const p of parts) {
    for (const q of p.results.requirements) {
      const other = owner.get(q.id);
      if (other) throw new RunAbort('usage', `cannot merge: ${q.id} is in both ${other} and ${p.where}; parts of one run check each requirement once (runs of several regions are for report compare)`);
      owner.set(q.id, p.where);
    }
  }
  const shards = parts.map((p) => p.results.run.shard).filter((s): s is NonNullable<typeof s> => s !== undefined);
  const indexes = new Set(shards.map((s) => s.index));
  if (indexes.size !== shards.length) throw new RunAbort('usage', `cannot merge: two parts are the same shard (${shards.map((s) => `${s.index}/${s.count}`).join(', ')})`);
  // All n parts of a sharded run: the merged run is as complete as the selection the shards split.
  const complete = shards.length === parts.length && shards.length > 0 && shards.length === shards[0]!.count;
  const baseFilter = (f.run.filter ?? '').replace(SHARD_OPTION, '').trim();
  const filter = complete ? baseFilter || undefined : parts.map((p) => p.results.run.filter ?? '').join(' + ');
  const grep = f.run.grep;
  const requirements = parts.flatMap((p) => p.results.requirements).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  const errors = parts.flatMap((p) => p.results.errors);
  const notRun = parts.flatMap((p) => p.results.run.notRun ?? []);
  const started = parts.map((p) => p.results.run.startedAt).sort()[0]!;
  const finished = parts.map((p) => p.results.run.finishedAt).sort().at(-1)!;
  // A baseline entry went unchecked only if no part ran its requirement.
  const baseline = f.baseline && { ...f.baseline, notRun: f.baseline.notRun.filter((id) => parts.every((p) => p.results.baseline?.notRun.includes(id))) };
  const { endpoint: _endpoint, ...target } = f.target;
  return {
    ...f,
    target: f.target.kind === 'endpoint' ? f.target : target,
    run: {
      id: f.run.id,
      startedAt: started,
      finishedAt: finished,
      durationMs: Math.max(0, Date.parse(finished) - Date.parse(started)),
      seed: f.run.seed,
      ...(grep !== undefined && { grep }),
      ...(filter && { filter }),
      mergedFrom: parts.map((p) => p.results.run.id),
      ...(parts.some((p) => p.results.run.interrupted) && { interrupted: true }),
      ...(notRun.length && { notRun }),
    },
    ...(baseline && { baseline }),
    verdict: verdictOf(requirements, errors, baseline),
    summary: summarize(requirements),
    requirements,
    errors,
  };
}

/** Reads the parts from their folders (or results.json files). */
export function readParts(wheres: readonly string[], cwd = process.cwd()): MergeInput[] {
  return wheres.map((where) => ({ where, results: readRunResults(where, cwd).results as RunResults }));
}

/** Copies each part's allure-results into the merged folder's (result files have unique names). */
export function mergeAllure(partDirs: readonly string[], outDir: string): string | undefined {
  const sources = partDirs.map((d) => join(d, 'allure-results')).filter((d) => existsSync(d));
  if (!sources.length) return undefined;
  const target = join(outDir, 'allure-results');
  mkdirSync(target, { recursive: true });
  for (const s of sources) for (const file of readdirSync(s)) cpSync(join(s, file), join(target, file));
  return target;
}
