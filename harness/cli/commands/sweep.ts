/**
 * @module harness/cli/commands/sweep
 * `kms-conformance sweep`: finds keys earlier runs left behind (by their run-id tag) and, with
 * `--yes`, schedules their deletion with the minimum window. Without `--yes` it only reports.
 */
import { RUN_TAG_KEY } from '../../resources/registry.ts';
import { duration, rates } from './parse-aws.ts';
import type { RegisterCommand } from './types.ts';

export const registerSweep: RegisterCommand = (program, ctx) => {
  program
    .command('sweep')
    .description(`find keys left by earlier runs (tag ${RUN_TAG_KEY}) and schedule their deletion (7 days); a dry run unless --yes`)
    .option('--target <name>', 'endpoint, aws, or a target named in the config file')
    .option('--endpoint <url>', 'the KMS endpoint (implies --target endpoint)')
    .option('--region <region>', 'region (default: AWS_REGION, then the profile, then us-east-1)')
    .option('--config <file>', 'config file (default: ./kms-conformance.config.json when present)')
    .option('--profile <name>', 'shared-config profile of the primary principal')
    .option('--secondary-profile <name>', 'shared-config profile of the secondary principal')
    .option('--run-id <id>', 'only keys of this run')
    .option('--older-than <duration>', 'only keys created at least this long ago (90m, 12h, 7d); without --run-id the default is 2h, so a run still going keeps its keys (--older-than 0 for all)', duration)
    .option('--dry-run', 'report what would be done and change nothing (the default)')
    .option('--yes', 'schedule deletion of the keys found')
    .option('--rate <class=rps,…>', 'client-side request rates (aws has defaults)', rates)
    .action(async (opts) => (await import('../actions/sweep.ts')).sweep(opts, ctx));
};
