/**
 * @module harness/cli/commands/recordings
 * `kms-conformance recordings diff [<run folder>]`: compares a run's answers to `observe` checks with
 * the committed recordings; exits 1 when something changed, is new or is missing.
 */
import type { RegisterCommand } from './types.ts';

export const registerRecordings: RegisterCommand = (program, ctx) => {
  const recordings = program.command('recordings').description("recorded answers of AWS to the observe checks");
  recordings
    .command('diff')
    .description('compare a run with the recordings: what changed, what is new, what is missing (exit 1 on any)')
    .argument('[run-folder]', 'a run folder or its results.json', 'reports/latest')
    .option('--recordings <dir>', 'recordings folder (default: fixtures/recordings in the package)')
    .option('--name <name>', "the recordings' target name (default: the run's target)")
    .action(async (folder: string, opts: { recordings?: string; name?: string }) => (await import('../actions/recordings.ts')).recordingsDiff(folder, opts, ctx));
};
