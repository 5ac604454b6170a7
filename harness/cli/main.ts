/**
 * @module harness/cli/main
 * The `kms-conformance` command. Each subcommand lives in `commands/`; this file wires them up and
 * turns usage and configuration problems into one line and exit code 2.
 */
import { Command, CommanderError } from 'commander';
import { RunAbort, RunSkipped } from '../errors.ts';
import { registerBaseline } from './commands/baseline.ts';
import { registerList } from './commands/list.ts';
import { registerReport } from './commands/report.ts';
import { registerRecordings } from './commands/recordings.ts';
import { registerRun } from './commands/run.ts';
import { registerServe } from './commands/serve.ts';
import { registerSweep } from './commands/sweep.ts';
import type { CliIo, RegisterCommand } from './commands/types.ts';
import { suiteVersion } from '../suite.ts';

const COMMANDS: RegisterCommand[] = [
  registerRun,
  registerList,
  registerServe,
  registerReport,
  registerBaseline,
  registerSweep,
  registerRecordings,
];

/** The process's own standard output, error, environment and working directory. */
export function processIo(): CliIo {
  return { write: (l) => process.stdout.write(`${l}\n`), writeErr: (s) => process.stderr.write(s), env: process.env, cwd: process.cwd(), isTTY: process.stdout.isTTY === true };
}

/** Runs the command line `argv` and returns its exit code; `io` defaults to the process's own. */
export async function main(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const { write, writeErr, env, cwd, isTTY } = { ...processIo(), ...(io.write && { isTTY: false }), ...io };
  const program = new Command('kms-conformance')
    .description('Conformance suite for AWS-KMS-compatible endpoints')
    .version(suiteVersion(), '-V, --version', 'print the suite version')
    .exitOverride()
    .configureOutput({ writeErr, writeOut: (s) => write(s.replace(/\n$/, '')) })
    .showSuggestionAfterError();
  let exitCode = 0;
  const ctx = { write, writeErr, env, cwd, ...(isTTY !== undefined && { isTTY }), setExitCode: (code: number) => { exitCode = code; } };
  for (const register of COMMANDS) register(program, ctx);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; commander has already printed its one-line message.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof RunSkipped) {
      write(`kms-conformance: skipped: ${e.message}`);
      return e.exitCode;
    }
    if (e instanceof RunAbort) {
      writeErr(`kms-conformance: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}
