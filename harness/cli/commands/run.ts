/**
 * @module harness/cli/commands/run
 * `kms-conformance run`: the conformance specs against a target, writing the report.
 */
import { Option } from 'commander';
import { CONFIRM_FLAG } from '../../config/kinds.ts';
import { seed } from './parse.ts';
import { positiveInt, rates } from './parse-aws.ts';
import { addFilterOptions } from './filters.ts';
import type { RegisterCommand } from './types.ts';

export const registerRun: RegisterCommand = (program, { setExitCode, ...io }) => {
  addFilterOptions(program.command('run'))
    .description('run the conformance specs against a target and write the report')
    .addOption(new Option('--target <name>', 'embedded (default), endpoint, aws, moto, local-kms, localstack, container:localstack|local-kms|moto|<image>, or a target named in the config file'))
    .option('--endpoint <url>', 'the KMS endpoint to test (implies --target endpoint)')
    .option('--name <name>', "the target's name in the report and for its baseline, baselines/<name>.json (default: the target's; say --name my-emulator with --endpoint)")
    .option('--region <region>', 'region to sign for (default: AWS_REGION, then us-east-1)')
    .option('--config <file>', 'config file (default: ./kms-conformance.config.json when present)')
    .option('--out <dir>', 'output folder (default: reports/<run id>, with reports/latest)')
    .option('--seed <n>', 'seed for property-based specs', seed)
    .option('--baseline <file>', 'known-deviation baseline to apply (default: the target\'s, or baselines/<target>.json when present)')
    .option('--no-baseline', 'apply no baseline: every failure counts')
    .option('--allow-stale', 'a baselined requirement that now passes does not fail the run')
    .option('--profile <name>', 'shared-config profile of the primary principal')
    .option('--secondary-profile <name>', 'shared-config profile of the secondary principal (a second account)')
    .option(CONFIRM_FLAG, 'allow a run against real AWS (it creates keys in your account and costs money)')
    .option('--workers <n>', 'spec files run side by side in at most n workers (default 4; moto 1; aws always 1)', positiveInt)
    .option('--max-keys <n>', 'most keys the run may create (aws default: 250)', positiveInt)
    .option('--rate <class=rps,…>', 'client-side request rates: read, write, crypto, importParameters (aws has defaults)', rates)
    .option('--record', "store the target's answers to observe checks as recordings (aws targets)")
    .option('--record-any', 'allow --record for a target that is not AWS (for testing)')
    .option('--recordings <dir>', 'recordings folder (default: fixtures/recordings in the package)')
    .option('--require-runtime', 'a container target without a container runtime fails the run (exit 2) instead of skipping it (exit 0)')
    .option('--json', 'print one JSON summary on standard output (verdict, exit code, counts, problems, files written); the progress goes to standard error')
    .action(async (opts) => {
      const { rate, ...rest } = opts;
      // Loaded on demand: run.ts brings vitest, which other commands do not need.
      const { runSuite } = await import('../../run/run.ts');
      setExitCode(await runSuite({ ...rest, ...(rate && { rateLimits: rate }) }, io));
    });
};
