/**
 * Builders of RunResults for the reporting tests: a run from a few requirement outcomes, with the
 * summary and verdict computed the way a real run computes them.
 */
import { RESULTS_SCHEMA_VERSION, summarize, verdictOf, type Outcome, type RequirementResult, type RunResults } from '../results/index.ts';
import type { Strength } from '../spec/requirement.ts';
import type { LoadedRun } from '../reporting/compare/load.ts';

/** A requirement result; `id` picks the operation from its prefix unless given. */
export function req(id: string, outcome: Outcome, extra: Partial<RequirementResult> = {}): RequirementResult {
  const strength: Strength = outcome === 'observed' ? 'observe' : 'must';
  return {
    id,
    statement: `statement of ${id}`,
    operation: id.startsWith('PROTO') ? 'protocol' : 'DeleteImportedKeyMaterial',
    source: { url: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html', section: 'Errors' },
    evidence: strength === 'observe' ? 'unknown' : 'documented',
    strength,
    outcome,
    durationMs: 1,
    exchanges: [],
    ...(outcome === 'fail' && { failure: { message: `${id} failed` } }),
    ...extra,
  };
}

let runCounter = 0;

/** A run of `target` with these results. */
export function run(target: string, requirements: RequirementResult[], extra: { runId?: string; version?: string; grep?: string } = {}): RunResults {
  const id = extra.runId ?? `kmsct-20261128T0000${String(runCounter++ % 100).padStart(2, '0')}-abcd`;
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    suite: { name: 'kms-conformance', version: '0.1.0' },
    run: { id, startedAt: '2026-11-28T00:00:00.000Z', finishedAt: '2026-11-28T00:00:01.000Z', durationMs: 1000, seed: 1, ...(extra.grep && { grep: extra.grep }) },
    target: { name: target, kind: 'endpoint', endpoint: 'http://127.0.0.1:4566', region: 'us-east-1', principals: ['primary'], ...(extra.version && { version: extra.version }) },
    verdict: verdictOf(requirements, []),
    summary: summarize(requirements),
    requirements,
    errors: [],
  };
}

/** As `loadRun` would return it. */
export function loaded(results: RunResults, path = `/runs/${results.run.id}/results.json`): LoadedRun {
  return { input: path, path, results };
}
