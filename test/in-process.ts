/**
 * The CLI called in-process: `main()` with its own output, environment and working directory, as
 * the tests of behaviour that is not the process itself use it (a spawned `kms-conformance` costs a
 * second of start-up and a busy machine's patience; test/cli-support.ts keeps the true end-to-end runs).
 */
import { main } from '../harness/cli/main.ts';
import { cleanEnv, ROOT } from './cli-support.ts';

export interface MainResult {
  code: number;
  /** Standard output, one entry per line. */
  lines: string[];
  stdout: string;
  stderr: string;
}

/** Runs `kms-conformance <args>` in this process. */
export async function runMain(args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<MainResult> {
  const lines: string[] = [];
  let stderr = '';
  const code = await main(args, { write: (l) => lines.push(l), writeErr: (s) => (stderr += s), env: opts.env ?? cleanEnv(), cwd: opts.cwd ?? ROOT });
  return { code, lines, stdout: lines.map((l) => `${l}\n`).join(''), stderr };
}
