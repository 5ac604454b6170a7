/**
 * @module harness/reporting/compare/columns
 * One column per run, in the order given. Columns whose target names repeat are told apart by run
 * id (and, if a run is given twice, by position).
 */
import type { LoadedRun } from './load.ts';

export interface Column {
  /** What the column header and the console call this run. */
  label: string;
  run: LoadedRun;
}

export function columnsOf(runs: readonly LoadedRun[]): Column[] {
  const count = (f: (r: LoadedRun) => string, v: string) => runs.filter((r) => f(r) === v).length;
  const name = (r: LoadedRun) => r.results.target.name;
  const nameAndRun = (r: LoadedRun) => `${r.results.target.name} · ${r.results.run.id}`;
  return runs.map((run, i) => {
    let label = name(run);
    if (count(name, label) > 1) label = nameAndRun(run);
    if (count(nameAndRun, nameAndRun(run)) > 1) label = `${label} #${i + 1}`;
    return { label, run };
  });
}
