/**
 * @module harness/cli/commands/recordings
 * `kms-conformance recordings diff [<run folder>]`: compares a run's answers to `observe` checks with
 * the committed recordings; exits 1 when something changed, is new or is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RunAbort } from '../../errors.ts';
import { diffRecordings, formatRecordingChanges } from '../../recordings/diff.ts';
import { DEFAULT_RECORDINGS_DIR } from '../../recordings/record.ts';
import type { RunResults } from '../../results/index.ts';
import type { RegisterCommand } from './types.ts';

function readResults(folder: string): RunResults {
  const file = folder.endsWith('.json') ? resolve(folder) : join(resolve(folder), 'results.json');
  if (!existsSync(file)) throw new RunAbort('usage', `no results.json at ${file}`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunResults;
  } catch (e) {
    throw new RunAbort('usage', `${file}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

export const registerRecordings: RegisterCommand = (program, { write, setExitCode }) => {
  const recordings = program.command('recordings').description("recorded answers of AWS to the observe checks");
  recordings
    .command('diff')
    .description('compare a run with the recordings: what changed, what is new, what is missing (exit 1 on any)')
    .argument('[run-folder]', 'a run folder or its results.json', 'reports/latest')
    .option('--recordings <dir>', 'recordings folder (default: fixtures/recordings in the package)')
    .option('--name <name>', "the recordings' target name (default: the run's target)")
    .action((folder: string, opts: { recordings?: string; name?: string }) => {
      const results = readResults(folder);
      const { folder: recorded, changes, compared } = diffRecordings(results, resolve(opts.recordings ?? DEFAULT_RECORDINGS_DIR), opts.name);
      if (!existsSync(recorded)) throw new RunAbort('usage', `no recordings at ${recorded} (record some with: run --target aws --record)`);
      for (const l of formatRecordingChanges(changes)) write(l);
      const count = (k: string) => changes.filter((c) => c.kind === k).length;
      write(`${compared} recorded checks compared with ${recorded}: ${count('changed')} changed, ${count('new')} new, ${count('missing')} missing`);
      setExitCode(changes.length ? 1 : 0);
    });
};
