/**
 * @module harness/run/selection
 * The requirement filters of `run` and `list` made into one Selection, and applied: `--rerun-failed`
 * reads the earlier run's results.json for the requirements whose outcome was a problem (a failure,
 * a missing operation, a stale baseline entry). A selection that selects nothing is a usage error,
 * the same line for both commands.
 */
import { nothingSelected, readCatalogue, selectRequirements, isFiltered, type CatalogueEntry, type Selection } from '../catalogue/catalogue.ts';
import { readRunResults } from '../baseline/read-results.ts';
import { RunAbort } from '../errors.ts';
import { isProblem } from '../results/index.ts';

export interface SelectionFlags {
  grep?: string;
  strength?: readonly ('must' | 'should' | 'observe')[];
  operation?: readonly string[];
  rerunFailed?: string;
  shard?: { readonly index: number; readonly count: number };
}

export function selectionOf(flags: SelectionFlags, cwd = process.cwd()): Selection {
  const sel: Selection = {
    ...(flags.grep !== undefined && { grep: flags.grep }),
    ...(flags.strength && { strength: flags.strength }),
    ...(flags.operation && { operation: flags.operation }),
    ...(flags.shard && { shard: flags.shard }),
  };
  if (flags.rerunFailed !== undefined) {
    const { results } = readRunResults(flags.rerunFailed, cwd);
    // A blocked check runs again with the requirement that blocked it, whose fix it waits on.
    const ids = new Set(results.requirements.filter((r) => isProblem(r.outcome)).flatMap((r) => (r.blockedBy ? [r.id, r.blockedBy] : [r.id])));
    if (ids.size === 0) throw new RunAbort('usage', `--rerun-failed ${flags.rerunFailed}: that run has no failed, not implemented, blocked or stale requirement to run again`);
    sel.ids = { from: flags.rerunFailed, ids };
  }
  return sel;
}

/** The requirements the flags select (exit 2 when they select none). */
export function selectedRequirements(flags: SelectionFlags, cwd = process.cwd()): { selection: Selection; requirements: CatalogueEntry[] } {
  const selection = selectionOf(flags, cwd);
  const requirements = selectRequirements(readCatalogue(), selection);
  if (isFiltered(selection) && requirements.length === 0) throw nothingSelected(selection);
  return { selection, requirements };
}
