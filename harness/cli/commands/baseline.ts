/**
 * @module harness/cli/commands/baseline
 * `kms-conformance baseline update|show`: write a target's known-deviation baseline from a run, and
 * print one.
 */
import { join } from 'node:path';
import type { UpdateOptions } from '../actions/baseline.ts';
import type { RegisterCommand } from './types.ts';

export const registerBaseline: RegisterCommand = (program, ctx) => {
  const cmd = program.command('baseline').description('known-deviation baselines: the requirements a target is known to fail, with reasons');
  cmd
    .command('update')
    .description('write or refresh a baseline from a run: keeps reasons of entries still failing, drops fixed ones, adds new failures with a provisional reason')
    .argument('[run]', 'a run folder or its results.json', join('reports', 'latest'))
    .option('--target <name>', 'the target the baseline is for (default: the baseline\'s, else the run\'s target)')
    .option('--file <path>', 'the baseline file (default: the one the run applied, else baselines/<target>.json)')
    .option('--target-version <version>', 'record the target\'s version in the baseline')
    .option('--dry-run', 'print the changes without writing the file')
    .action(async (run: string, opts: UpdateOptions) => (await import('../actions/baseline.ts')).update(run, opts, ctx));
  cmd
    .command('show')
    .description('print a baseline\'s entries')
    .argument('[file]', 'a baseline file')
    .option('--target <name>', 'the baseline of this target (baselines/<target>.json)')
    .action(async (file: string | undefined, opts: { target?: string }) => (await import('../actions/baseline.ts')).show(file, opts, ctx));
};
