/**
 * @module harness/reporting/compare/load
 * Reads the runs given to `report compare`: a results.json file, or a run folder holding one
 * (`reports/latest` included). Each is checked lightly (JSON, schema major version 1, the fields
 * the comparison reads); a bad input is one line and exit code 2.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { RunAbort } from '../../errors.ts';
import { OUTCOMES, STRENGTHS, VERDICTS, type RunResults } from '../../results/index.ts';

/** One run given on the command line, with the path it was read from. */
export interface LoadedRun {
  /** The argument as given. */
  input: string;
  /** The results.json that was read. */
  path: string;
  results: RunResults;
}

const outcome = z.enum(OUTCOMES);

// Only what the comparison reads, leniently (a later minor version may add fields); everything else
// in results.json is passed through untouched. The full, strict shape is harness/results/schema.ts.
const runShape = z.object({
  schemaVersion: z.string().regex(/^1\.\d+\.\d+/, 'a version this suite does not read (expected 1.x.y)'),
  suite: z.object({ name: z.string(), version: z.string() }),
  run: z.object({ id: z.string(), startedAt: z.string(), grep: z.string().optional(), filter: z.string().optional() }),
  target: z.object({ name: z.string(), kind: z.string(), endpoint: z.string().optional(), region: z.string(), version: z.string().optional() }),
  verdict: z.enum(VERDICTS),
  summary: z.object({ total: z.number(), byOutcome: z.record(z.string(), z.number()) }),
  requirements: z.array(
    z.object({
      id: z.string(),
      statement: z.string(),
      operation: z.string(),
      source: z.object({ url: z.string(), section: z.string().optional() }),
      evidence: z.string(),
      strength: z.enum(STRENGTHS),
      outcome,
      failure: z.object({ message: z.string() }).optional(),
      note: z.string().optional(),
      observations: z.array(z.object({ label: z.string(), value: z.unknown() })).optional(),
      baseline: z.object({ reason: z.string(), link: z.string().optional(), rawOutcome: outcome }).optional(),
    }),
  ),
  errors: z.array(z.string()),
});

/** The results.json an argument names: the file itself, or `results.json` inside a run folder. */
export function resultsPathOf(input: string): string {
  let st;
  try {
    st = statSync(input);
  } catch {
    throw new RunAbort('usage', `cannot read ${input}: no such file or folder`);
  }
  return st.isDirectory() ? join(input, 'results.json') : input;
}

/** Reads and checks one run; throws RunAbort('usage') with one line naming the input and the problem. */
export function loadRun(input: string): LoadedRun {
  const path = resultsPathOf(input);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new RunAbort('usage', `cannot read ${path}: ${code === 'ENOENT' ? 'no such file (is this a run folder?)' : code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new RunAbort('usage', `${path} is not JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  if (typeof data !== 'object' || data === null || !('schemaVersion' in data)) {
    throw new RunAbort('usage', `${path} is not a kms-conformance results.json (no schemaVersion)`);
  }
  const checked = runShape.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    throw new RunAbort('usage', `${path} is not a kms-conformance results.json this version reads: ${where}: ${issue.message}`);
  }
  return { input, path, results: data as RunResults };
}

export function loadRuns(inputs: readonly string[]): LoadedRun[] {
  return inputs.map(loadRun);
}
