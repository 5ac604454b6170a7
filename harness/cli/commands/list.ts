/**
 * @module harness/cli/commands/list
 * `kms-conformance list`: the requirement catalogue, without running anything.
 */
import { formatCatalogue, listRequirements } from '../../run/list.ts';
import type { RegisterCommand } from './types.ts';

export const registerList: RegisterCommand = (program, { write }) => {
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
};
