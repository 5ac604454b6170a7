/**
 * @module harness/reporting/compare/matrix
 * The comparison of several runs as data: requirements as rows (grouped by operation or area),
 * runs as columns, one cell per pair. Rendered as HTML, Markdown or JSON elsewhere.
 */
import { isDeviating, isProblem, OUTCOMES, type Outcome, type Requirement, type RequirementResult } from '../../results/index.ts';
import { columnsOf, type Column } from './columns.ts';
import type { LoadedRun } from './load.ts';
import { answerSignature } from './normalize.ts';

/** A cell's outcome; `absent` when the run did not check the requirement (filtered out, or older suite). */
export type CellOutcome = Outcome | 'absent';
export const CELL_OUTCOMES: readonly CellOutcome[] = [...OUTCOMES, 'absent'];

/** A problem outcome (results' PROBLEM_OUTCOMES); not running a requirement is none. */
export const isFailingCell = (o: CellOutcome): boolean => o !== 'absent' && isProblem(o);

export interface Cell {
  outcome: CellOutcome;
  /** The requirement's result in this run; absent when it was not run. */
  result?: RequirementResult;
}

export interface MatrixRow {
  requirement: Requirement;
  cells: Cell[];
  /** The runs disagree: different outcomes (not running it counts), or different observed answers. */
  differs: boolean;
  /** Some run failed it (fail, not-implemented, blocked, stale-deviation). */
  failing: boolean;
  /** The columns where the requirement does not hold, a baseline or not (raw fail, not-implemented, blocked). */
  deviatesIn: number[];
  /**
   * The runs that checked it disagree on whether it holds: it deviates in some and holds in others
   * (a different message or observed answer, a baseline, not running it or not applying aside).
   */
  disagree: boolean;
  /** What each target answered is worth showing side by side: an observe check, or a disagreement. */
  showAnswers: boolean;
}

export interface MatrixGroup {
  /** The operation or area. */
  name: string;
  rows: MatrixRow[];
}

export interface Matrix {
  generatedAt: string;
  columns: Column[];
  groups: MatrixGroup[];
}

const byId = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** Builds the matrix; a requirement's statement and source come from the rightmost run that has it. */
export function buildMatrix(runs: readonly LoadedRun[], now: Date = new Date()): Matrix {
  const columns = columnsOf(runs);
  const indexes = runs.map((r) => new Map(r.results.requirements.map((q) => [q.id, q])));
  const meta = new Map<string, Requirement>();
  for (const r of runs) {
    for (const q of r.results.requirements) {
      const { id, statement, operation, source, evidence, strength } = q;
      meta.set(id, { id, statement, operation, source, evidence, strength });
    }
  }
  const groups = new Map<string, MatrixRow[]>();
  for (const id of [...meta.keys()].sort(byId)) {
    const requirement = meta.get(id)!;
    const cells: Cell[] = indexes.map((ix) => {
      const result = ix.get(id);
      return result ? { outcome: result.outcome, result } : { outcome: 'absent' };
    });
    const signatures = new Set(cells.map((c, i) => answerSignature(c.result, runs[i]!.results.run.id)));
    const differs = signatures.size > 1;
    const raw = cells.map((c) => (c.result ? (c.result.baseline?.rawOutcome ?? c.result.outcome) : undefined));
    const deviatesIn = raw.flatMap((o, i) => (o !== undefined && isDeviating(o) ? [i] : []));
    const holdsIn = raw.filter((o) => o === 'pass' || o === 'observed').length;
    const row: MatrixRow = {
      requirement,
      cells,
      differs,
      failing: cells.some((c) => isFailingCell(c.outcome)),
      deviatesIn,
      disagree: deviatesIn.length > 0 && holdsIn > 0,
      showAnswers: requirement.strength === 'observe' || differs,
    };
    const list = groups.get(requirement.operation) ?? [];
    list.push(row);
    groups.set(requirement.operation, list);
  }
  return { generatedAt: now.toISOString(), columns, groups: [...groups].map(([name, rows]) => ({ name, rows })) };
}

/** Counts per cell outcome for one column over some rows. */
export function countOutcomes(rows: readonly MatrixRow[], column: number): Record<CellOutcome, number> {
  const counts = Object.fromEntries(CELL_OUTCOMES.map((o) => [o, 0])) as Record<CellOutcome, number>;
  for (const r of rows) counts[r.cells[column]!.outcome]++;
  return counts;
}
