/**
 * @module harness/cli/commands/serve
 * `kms-conformance serve`: the reference KMS endpoint, standalone.
 */
import { Option } from 'commander';
import { port } from './parse.ts';
import type { RegisterCommand } from './types.ts';

export const registerServe: RegisterCommand = (program, { write }) => {
  program
    .command('serve')
    .description('serve the reference KMS endpoint standalone')
    .option('--port <n>', 'port to listen on (0 picks a free one)', port, 4599)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--regions <list>', 'the regions served, comma-separated (default: every region KMS has an endpoint in)', (v: string) => v.split(',').map((r) => r.trim()).filter(Boolean))
    // Deliberate deviations, for the project's own tests of the specs; not for users.
    .addOption(new Option('--fault <name...>', 'switch on a named deviation').hideHelp())
    .action(async (opts) => (await import('../actions/serve.ts')).serve(opts, write));
};
