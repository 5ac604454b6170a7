/**
 * @module harness/cli/commands/list
 * `kms-conformance list`: the requirement catalogue, without running anything.
 */
import { addFilterOptions, type FilterFlags } from './filters.ts';
import type { RegisterCommand } from './types.ts';

export const registerList: RegisterCommand = (program, ctx) => {
  addFilterOptions(program.command('list'))
    .description('list the requirements the suite checks, without running anything')
    .option('--json', 'print JSON')
    .option('--coverage', "print every operation of AWS's model with the number of requirements naming it, by strength")
    .action(async (opts: FilterFlags & { json?: boolean; coverage?: boolean }) => (await import('../actions/list.ts')).list(opts, ctx));
};
