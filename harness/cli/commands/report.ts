/**
 * @module harness/cli/commands/report
 * `kms-conformance report <subcommand>`: work on the results of finished runs. `report compare`
 * puts several runs side by side (a matrix) or, with --diff, says what changed between two;
 * `report verify` checks a run folder against its certification manifest.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { RunAbort } from '../../errors.ts';
import { diffSummary, matrixSummary } from '../../reporting/compare/console.ts';
import { diffRuns, hasRegression } from '../../reporting/compare/diff.ts';
import { renderDiffHtml } from '../../reporting/compare/diff-html.ts';
import { diffJson, matrixJson } from '../../reporting/compare/json.ts';
import { loadRuns } from '../../reporting/compare/load.ts';
import { renderDiffMarkdown, renderMatrixMarkdown } from '../../reporting/compare/markdown.ts';
import { buildMatrix } from '../../reporting/compare/matrix.ts';
import { renderMatrixHtml } from '../../reporting/compare/matrix-html.ts';
import { addReportVerify } from './report-verify.ts';
import type { CommandContext, RegisterCommand } from './types.ts';

type Format = 'html' | 'markdown' | 'json';
const EXTENSION: Record<Format, string> = { html: 'html', markdown: 'md', json: 'json' };

interface CompareOptions {
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

function compare(inputs: string[], opts: CompareOptions, { write, setExitCode }: CommandContext): void {
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

function registerCompare(report: Command, ctx: CommandContext): void {
  report
    .command('compare')
    .description('put runs side by side (requirements × runs), or with --diff say what changed between two runs')
    .argument('<results...>', 'results.json files or run folders (e.g. reports/latest), in column order; with --diff: old new')
    .option('--diff', 'compare exactly two runs, old then new: what regressed, improved, changed (exit 1 on a regression)')
    .option('--out <file>', 'where to write (default reports/compare.html, or reports/diff.html with --diff)')
    .addOption(new Option('--format <format>', 'what to write to --out').choices(['html', 'markdown', 'json']).default('html'))
    .option('--markdown <file>', 'also write the Markdown table (compatibility summary, or the list of changes)')
    .option('--json <file>', 'also write the comparison as JSON')
    .action((inputs: string[], opts: CompareOptions) => {
      compare(inputs, opts, ctx);
    });
}

export const registerReport: RegisterCommand = (program, ctx) => {
  const report = program.command('report').description('work on the results of finished runs');
  registerCompare(report, ctx);
  addReportVerify(report, ctx);
};
