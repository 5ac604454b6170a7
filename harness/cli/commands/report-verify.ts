/**
 * @module harness/cli/commands/report-verify
 * `kms-conformance report verify <run-folder>`: checks a published run against its manifest and the
 * current catalogue. Exit 0 when it verifies, 1 when tampered with or incomplete, 2 on bad input.
 */
import type { Command } from 'commander';
import { readCatalogue } from '../../catalogue/catalogue.ts';
import { verifyRunFolder } from '../../reporting/verify.ts';
import { suiteVersion } from '../../suite.ts';
import type { CommandContext } from './types.ts';

/** Adds `verify` to the `report` command group. */
export function addReportVerify(report: Command, { write, setExitCode }: CommandContext): void {
  report
    .command('verify')
    .description('check a run folder: results.json unchanged since the run, outcomes as in the manifest, no requirement skipped')
    .argument('<run-folder>', 'the output folder of a run (with results.json and manifest.json)')
    .action(async (folder: string) => {
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
    });
}
