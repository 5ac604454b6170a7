/**
 * @module harness/cli/actions/list
 * What `list` does: print the catalogue (specs/catalogue.json; no spec and no vitest is loaded).
 */
import { formatCatalogue, readCatalogue, selectRequirements } from '../../catalogue/catalogue.ts';
import { coverage, formatCoverage } from '../../catalogue/coverage.ts';
import type { CommandContext } from '../commands/types.ts';

export function list(opts: { grep?: string; json?: boolean; coverage?: boolean }, { write }: CommandContext): void {
  const reqs = selectRequirements(readCatalogue(), opts.grep).map(({ file: _file, ...r }) => r);
  if (opts.coverage) {
    const rows = coverage(reqs);
    if (opts.json) write(JSON.stringify(rows, null, 2));
    else for (const l of formatCoverage(rows)) write(l);
    return;
  }
  if (opts.json) write(JSON.stringify(reqs, null, 2));
  else for (const l of formatCatalogue(reqs)) write(l);
}
