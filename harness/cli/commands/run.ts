/**
 * @module harness/cli/commands/run
 * `kms-conformance run`: the conformance specs against a target, writing the report.
 */
import { Option } from 'commander';
import { runSuite } from '../../run/run.ts';
import { seed } from './parse.ts';
import type { RegisterCommand } from './types.ts';

export const registerRun: RegisterCommand = (program, { write, setExitCode }) => {
  program
    .command('run')
    .description('run the conformance specs against a target and write the report')
    .addOption(new Option('--target <name>', 'embedded (default), endpoint, moto, local-kms, localstack, container:localstack|local-kms|moto|<image>, or a target named in the config file'))
    .option('--endpoint <url>', 'the KMS endpoint to test (implies --target endpoint)')
    .option('--region <region>', 'region to sign for (default: AWS_REGION, then us-east-1)')
    .option('--config <file>', 'config file (default: ./kms-conformance.config.json when present)')
    .option('--out <dir>', 'output folder (default: reports/<run id>, with reports/latest)')
    .option('--grep <pattern>', 'run only requirements whose id or statement matches')
    .option('--seed <n>', 'seed for property-based specs', seed)
    .action(async (opts) => {
      setExitCode(await runSuite(opts, write));
    });
};
