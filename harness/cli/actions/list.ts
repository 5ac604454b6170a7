/**
 * @module harness/cli/actions/list
 * What `list` does: print the catalogue (specs/catalogue.json; no spec and no vitest is loaded).
 */
import { formatCatalogue } from '../../catalogue/catalogue.ts';
import { coverage, formatCoverage } from '../../catalogue/coverage.ts';
import { selectedRequirements, type SelectionFlags } from '../../run/selection.ts';
import type { CommandContext } from '../commands/types.ts';

export function list(opts: SelectionFlags & { json?: boolean; coverage?: boolean }, { write, cwd }: CommandContext): void {
  const reqs = selectedRequirements(opts, cwd).requirements.map(({ file: _file, ...r }) => r);
  if (opts.coverage) {
    const rows = coverage(reqs);
    if (opts.json) write(JSON.stringify(rows, null, 2));
    else for (const l of formatCoverage(rows)) write(l);
    return;
  }
  if (opts.json) write(JSON.stringify(reqs, null, 2));
  else for (const l of formatCatalogue(reqs)) write(l);
}
