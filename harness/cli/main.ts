/**
 * @module harness/cli/main
 * The `kms-conformance` command. Each subcommand lives in `commands/`; this file wires them up and
 * turns usage and configuration problems into one line and exit code 2.
 */
import { Command, CommanderError } from 'commander';
import { RunAbort } from '../errors.ts';
import { registerList } from './commands/list.ts';
import { registerReport } from './commands/report.ts';
import { registerRun } from './commands/run.ts';
import { registerServe } from './commands/serve.ts';
import type { RegisterCommand } from './commands/types.ts';

const COMMANDS: RegisterCommand[] = [
  registerRun,
  registerList,
  registerServe,
  registerReport,
];

export async function main(argv: string[], write: (l: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const program = new Command('kms-conformance')
    .description('Conformance suite for AWS-KMS-compatible endpoints')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showSuggestionAfterError();
  let exitCode = 0;
  const ctx = { write, setExitCode: (code: number) => { exitCode = code; } };
  for (const register of COMMANDS) register(program, ctx);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; commander has already printed its one-line message.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof RunAbort) {
      process.stderr.write(`kms-conformance: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}
