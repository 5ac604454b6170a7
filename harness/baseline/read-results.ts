/**
 * @module harness/baseline/read-results
 * Reads a run's results.json (from the file or its run folder) for `baseline update`, checking the
 * parts the update relies on; a missing or foreign file is one line and exit code 2.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { RunAbort } from '../errors.ts';
import { OUTCOMES, type RunResults } from '../results/index.ts';

const ResultsShape = z.object({
  suite: z.object({ version: z.string() }),
  run: z.object({ grep: z.string().optional(), filter: z.string().optional(), interrupted: z.boolean().optional() }),
  target: z.object({ name: z.string(), version: z.string().optional() }),
  requirements: z.array(z.object({
    id: z.string(),
    operation: z.string(),
    outcome: z.enum(OUTCOMES),
    baseline: z.object({ rawOutcome: z.enum(OUTCOMES) }).optional(),
  })),
  errors: z.array(z.string()),
  baseline: z.object({ path: z.string(), unknownIds: z.array(z.string()) }).optional(),
});

export type StoredResults = Pick<RunResults, 'suite' | 'run' | 'target' | 'requirements' | 'errors' | 'baseline'>;

/** `where` is a results.json file or a run folder (default: reports/latest). */
export function readRunResults(where = join('reports', 'latest'), cwd = process.cwd()): { path: string; results: StoredResults } {
  let path = resolve(cwd, where);
  try {
    if (statSync(path).isDirectory()) path = join(path, 'results.json');
  } catch {
    throw new RunAbort('usage', `no run results at ${path} (give a run folder or its results.json)`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new RunAbort('usage', err.code === 'ENOENT' ? `no results.json at ${path}` : `${path}: not valid JSON (${err.message.split('\n')[0]})`);
  }
  const parsed = ResultsShape.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RunAbort('usage', `${path}: not a kms-conformance results file (${issue.path.join('.') || 'top level'}: ${issue.message})`);
  }
  return { path, results: raw as StoredResults };
}
