/**
 * @module harness/cli/commands/list
 * `kms-conformance list`: the requirement catalogue, without running anything.
 */
import type { RegisterCommand } from './types.ts';

export const registerList: RegisterCommand = (program, { write }) => {
  program
    .command('list')
    .description('list the requirements the suite checks, without running anything')
    .option('--grep <pattern>', 'only requirements whose id or statement matches')
    .option('--json', 'print JSON')
    .action(async (opts: { grep?: string; json?: boolean }) => {
      // Loaded on demand, like every vitest-backed command, so other commands start fast.
      const { formatCatalogue, listRequirements } = await import('../../run/list.ts');
      const reqs = await listRequirements(opts.grep);
      if (opts.json) write(JSON.stringify(reqs, null, 2));
      else for (const l of formatCatalogue(reqs)) write(l);
    });
};
