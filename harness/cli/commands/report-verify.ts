/**
 * @module harness/cli/commands/report-verify
 * `kms-conformance report verify <run-folder>`: checks a published run against its manifest and the
 * current catalogue. Exit 0 when it verifies, 1 when tampered with or incomplete, 2 on bad input.
 */
import type { Command } from 'commander';
import type { CommandContext } from './types.ts';

/** Adds `verify` to the `report` command group. */
export function addReportVerify(report: Command, ctx: CommandContext): void {
  report
    .command('verify')
    .description('check a run folder: results.json unchanged since the run, outcomes as in the manifest, no requirement skipped')
    .argument('<run-folder>', 'the output folder of a run (with results.json and manifest.json)')
    .action(async (folder: string) => (await import('../actions/report.ts')).verify(folder, ctx));
}
