/**
 * @module harness/cli/main
 * The `kms-conformance` command: `run` (the conformance suite against a target) and `serve` (the
 * reference endpoint, standalone). Usage and configuration problems are one line and exit code 2.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { PRIMARY_ACCOUNT, SECONDARY_ACCOUNT } from '#reference/accounts.ts';
import { startReferenceServer } from '#reference/server.ts';
import { RunAbort } from '../errors.ts';
import { formatCatalogue, listRequirements } from '../run/list.ts';
import { runSuite } from '../run/run.ts';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
}

function seed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 31 - 1) throw new InvalidArgumentError('a seed is a whole number from 0 to 2147483647');
  return n;
}

async function serve(opts: { port: number; host: string; fault?: string[] }, write: (l: string) => void): Promise<void> {
  let ref;
  try {
    ref = await startReferenceServer({ port: opts.port, host: opts.host, faults: opts.fault ?? [], log: (m) => process.stderr.write(`${m}\n`) });
  } catch (e) {
    throw new RunAbort('usage', (e as Error).message);
  }
  if (opts.fault?.length) write(`faults switched on: ${opts.fault.join(', ')}`);
  write(`kms-conformance reference KMS endpoint listening on ${ref.url}`);
  write('');
  write('Default accounts (test credentials of this local endpoint, not secrets):');
  for (const [name, a] of [['primary', PRIMARY_ACCOUNT], ['secondary', SECONDARY_ACCOUNT]] as const) {
    const c = a.credentials[0]!;
    write(`  ${name.padEnd(9)} account ${a.accountId}  AWS_ACCESS_KEY_ID=${c.accessKeyId}  AWS_SECRET_ACCESS_KEY=${c.secretAccessKey}`);
  }
  write('');
  write('Try it:');
  write(`  export AWS_ENDPOINT_URL_KMS=${ref.url} AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_ACCESS_KEY_ID=${PRIMARY_ACCOUNT.credentials[0]!.accessKeyId} AWS_SECRET_ACCESS_KEY=${PRIMARY_ACCOUNT.credentials[0]!.secretAccessKey}`);
  write('  aws kms create-key --origin EXTERNAL');
  write(`  kms-conformance run --endpoint ${ref.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => void ref.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export async function main(argv: string[], write: (l: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const program = new Command('kms-conformance')
    .description('Conformance suite for AWS-KMS-compatible endpoints')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showSuggestionAfterError();
  let exitCode = 0;

  program
    .command('run')
    .description('run the conformance specs against a target and write the report')
    .addOption(new Option('--target <name>', 'embedded (default), endpoint, or a target named in the config file'))
    .option('--endpoint <url>', 'the KMS endpoint to test (implies --target endpoint)')
    .option('--region <region>', 'region to sign for (default: AWS_REGION, then us-east-1)')
    .option('--config <file>', 'config file (default: ./kms-conformance.config.json when present)')
    .option('--out <dir>', 'output folder (default: reports/<run id>, with reports/latest)')
    .option('--grep <pattern>', 'run only requirements whose id or statement matches')
    .option('--seed <n>', 'seed for property-based specs', seed)
    .action(async (opts) => {
      exitCode = await runSuite(opts, write);
    });

  program
    .command('list')
    .description('list the requirements the suite checks, without running anything')
    .option('--grep <pattern>', 'only requirements whose id or statement matches')
    .option('--json', 'print JSON')
    .action(async (opts: { grep?: string; json?: boolean }) => {
      const reqs = await listRequirements(opts.grep);
      if (opts.json) write(JSON.stringify(reqs, null, 2));
      else for (const l of formatCatalogue(reqs)) write(l);
    });

  program
    .command('serve')
    .description('serve the reference KMS endpoint standalone')
    .option('--port <n>', 'port to listen on (0 picks a free one)', port, 4599)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    // Deliberate deviations, for the project's own tests of the specs; not for users.
    .addOption(new Option('--fault <name...>', 'switch on a named deviation').hideHelp())
    .action(async (opts) => {
      await serve(opts, write);
    });

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
