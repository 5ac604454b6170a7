/**
 * @module harness/cli/actions/report
 * What `report compare` and `report verify` do.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readCatalogue } from '../../catalogue/catalogue.ts';
import { RunAbort } from '../../errors.ts';
import { writeArtifacts } from '../../reporting/artifacts.ts';
import { mergeAllure, mergeRuns, readParts } from '../../reporting/merge.ts';
import { formatSummary } from '../../reporting/summary.ts';
import { gates } from '../../results/index.ts';
import { diffSummary, matrixSummary } from '../../reporting/compare/console.ts';
import { diffRuns, hasRegression } from '../../reporting/compare/diff.ts';
import { renderDiffHtml } from '../../reporting/compare/diff-html.ts';
import { diffJson, matrixJson } from '../../reporting/compare/json.ts';
import { loadRuns } from '../../reporting/compare/load.ts';
import { renderDiffMarkdown, renderMatrixMarkdown } from '../../reporting/compare/markdown.ts';
import { buildMatrix } from '../../reporting/compare/matrix.ts';
import { renderMatrixHtml } from '../../reporting/compare/matrix-html.ts';
import { verifyRunFolder } from '../../reporting/verify.ts';
import { suiteVersion } from '../../suite.ts';
import type { CommandContext } from '../commands/types.ts';

type Format = 'html' | 'markdown' | 'json';
const EXTENSION: Record<Format, string> = { html: 'html', markdown: 'md', json: 'json' };

export interface CompareOptions {
  diff?: boolean;
  out?: string;
  format: Format;
  markdown?: string;
  json?: string;
}

function writeOut(path: string, text: string, write: (l: string) => void): void {
  const full = resolve(path);
  try {
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  } catch (e) {
    throw new RunAbort('usage', `cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  write(`wrote ${path}`);
}

export function compare(inputs: string[], opts: CompareOptions, { write, setExitCode }: CommandContext): void {
  if (opts.diff && inputs.length !== 2) throw new RunAbort('usage', `--diff compares exactly two runs (old, then new); got ${inputs.length}`);
  if (inputs.length === 0) throw new RunAbort('usage', 'report compare needs at least one results.json or run folder');
  const runs = loadRuns(inputs);
  const out = opts.out ?? `reports/${opts.diff ? 'diff' : 'compare'}.${EXTENSION[opts.format]}`;
  if (opts.diff) {
    const d = diffRuns(runs[0]!, runs[1]!);
    const render = { html: renderDiffHtml, markdown: renderDiffMarkdown, json: (x: typeof d) => `${JSON.stringify(diffJson(x), null, 2)}\n` }[opts.format];
    for (const l of diffSummary(d)) write(l);
    writeOut(out, render(d), write);
    if (opts.markdown) writeOut(opts.markdown, renderDiffMarkdown(d), write);
    if (opts.json) writeOut(opts.json, `${JSON.stringify(diffJson(d), null, 2)}\n`, write);
    // CI gates on this: a regression is exit 1, anything else 0.
    setExitCode(hasRegression(d) ? 1 : 0);
    return;
  }
  const m = buildMatrix(runs);
  const render = { html: renderMatrixHtml, markdown: renderMatrixMarkdown, json: (x: typeof m) => `${JSON.stringify(matrixJson(x), null, 2)}\n` }[opts.format];
  for (const l of matrixSummary(m)) write(l);
  writeOut(out, render(m), write);
  if (opts.markdown) writeOut(opts.markdown, renderMatrixMarkdown(m), write);
  if (opts.json) writeOut(opts.json, `${JSON.stringify(matrixJson(m), null, 2)}\n`, write);
}

/** `report verify <folder>`: exit 0 when the folder verifies, 1 when it was changed or is incomplete. */
export function verify(folder: string, { write, setExitCode }: CommandContext): void {
  const catalogue = readCatalogue().map((r) => r.id);
  const total = catalogue.length;
  const v = verifyRunFolder(folder, catalogue, suiteVersion());
  for (const n of v.notes) write(`note: ${n}`);
  for (const p of v.problems) write(`problem: ${p}`);
  const what = `${v.manifest.executed.length} requirements of run ${v.manifest.run.id} on ${v.manifest.target.name}`;
  if (v.problems.length) {
    write(`NOT VERIFIED: ${v.problems.length} problem${v.problems.length === 1 ? '' : 's'} (${what})`);
    setExitCode(1);
  } else {
    write(`verified: ${what}, results.json unchanged, all ${total} catalogue requirements executed`);
  }
}

/** `report merge`: the parts of a sharded run joined into one run folder, with its summary. */
export async function merge(parts: string[], opts: { out: string }, { write, cwd, setExitCode }: CommandContext): Promise<void> {
  const inputs = readParts(parts, cwd);
  const results = mergeRuns(inputs);
  const dir = resolve(cwd, opts.out);
  mkdirSync(dir, { recursive: true });
  const written = await writeArtifacts(results, dir, { catalogue: readCatalogue().map((r) => r.id) });
  const allure = mergeAllure(inputs.map((p) => dirname(resolve(cwd, p.where.endsWith('.json') ? p.where : join(p.where, 'results.json')))), dir);
  write(`merged ${inputs.length} parts (${results.run.mergedFrom!.join(', ')})`);
  for (const l of formatSummary(results, [...written, ...(allure ? [allure] : [])], cwd)) write(l);
  setExitCode(gates(results) ? 1 : 0);
}
