/**
 * @module harness/cli/commands/report
 * `kms-conformance report <subcommand>`: work on the results of finished runs. `report compare`
 * puts several runs side by side (a matrix) or, with --diff, says what changed between two;
 * `report verify` checks a run folder against its certification manifest; `report merge` joins the
 * parts of a sharded run.
 */
import { Option, type Command } from 'commander';
import type { CompareOptions } from '../actions/report.ts';
import { addReportVerify } from './report-verify.ts';
import type { CommandContext, RegisterCommand } from './types.ts';

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
    .action(async (inputs: string[], opts: CompareOptions) => (await import('../actions/report.ts')).compare(inputs, opts, ctx));
}

function registerMerge(report: Command, ctx: CommandContext): void {
  report
    .command('merge')
    .description('join the parts of a sharded run (run --shard i/n) into one run folder: one results.json, manifest, JUnit file and report')
    .argument('<parts...>', 'the run folders (or results.json files) of the parts')
    .requiredOption('--out <dir>', 'the folder to write the merged run to')
    .action(async (parts: string[], opts: { out: string }) => (await import('../actions/report.ts')).merge(parts, opts, ctx));
}

export const registerReport: RegisterCommand = (program, ctx) => {
  const report = program.command('report').description('work on the results of finished runs');
  registerCompare(report, ctx);
  registerMerge(report, ctx);
  addReportVerify(report, ctx);
};
