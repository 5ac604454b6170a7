/**
 * @module harness/cli/actions/recordings
 * What `recordings diff` does: compare a run's observe answers with the recorded ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RunAbort } from '../../errors.ts';
import { diffRecordings, formatRecordingChanges } from '../../recordings/diff.ts';
import { DEFAULT_RECORDINGS_DIR } from '../../recordings/record.ts';
import type { RunResults } from '../../results/index.ts';
import type { CommandContext } from '../commands/types.ts';

function readResults(folder: string): RunResults {
  const file = folder.endsWith('.json') ? resolve(folder) : join(resolve(folder), 'results.json');
  if (!existsSync(file)) throw new RunAbort('usage', `no results.json at ${file}`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunResults;
  } catch (e) {
    throw new RunAbort('usage', `${file}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

export function recordingsDiff(folder: string, opts: { recordings?: string; name?: string }, { write, setExitCode }: CommandContext): void {
  const results = readResults(folder);
  const { folder: recorded, changes, compared } = diffRecordings(results, resolve(opts.recordings ?? DEFAULT_RECORDINGS_DIR), opts.name);
  if (!existsSync(recorded)) throw new RunAbort('usage', `no recordings at ${recorded} (record some with: run --target aws --record)`);
  for (const l of formatRecordingChanges(changes)) write(l);
  const count = (k: string) => changes.filter((c) => c.kind === k).length;
  write(`${compared} recorded checks compared with ${recorded}: ${count('changed')} changed, ${count('new')} new, ${count('missing')} missing`);
  setExitCode(changes.length ? 1 : 0);
}
