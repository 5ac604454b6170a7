/**
 * @module harness/cli/commands/list
 * `kms-conformance list`: the requirement catalogue, without running anything.
 */
import { formatCatalogue, readCatalogue, selectRequirements } from '../../catalogue/catalogue.ts';
import type { RegisterCommand } from './types.ts';

export const registerList: RegisterCommand = (program, { write }) => {
  program
    .command('list')
    .description('list the requirements the suite checks, without running anything')
    .option('--grep <pattern>', 'only requirements whose id or statement matches')
    .option('--json', 'print JSON')
    .action(async (opts: { grep?: string; json?: boolean }) => {
      // The catalogue is data (specs/catalogue.json): listing it loads no spec and no vitest.
      const reqs = selectRequirements(readCatalogue(), opts.grep).map(({ file: _file, ...r }) => r);
      if (opts.json) write(JSON.stringify(reqs, null, 2));
      else for (const l of formatCatalogue(reqs)) write(l);
    });
};
