/**
 * @module harness/reporting/compare/json
 * Comparisons as JSON for scripts: the matrix without the evidence (outcomes, failure messages,
 * answers), and the diff as a list of changes.
 */
import type { RunResults } from '../../results/index.ts';
import type { RunDiff } from './diff.ts';
import type { Matrix } from './matrix.ts';

function runOf(r: RunResults, path: string) {
  return { path, target: r.target, suite: r.suite, run: r.run, verdict: r.verdict, summary: r.summary };
}

export function matrixJson(m: Matrix): unknown {
  return {
    kind: 'kms-conformance-compare',
    generatedAt: m.generatedAt,
    columns: m.columns.map((c) => ({ label: c.label, ...runOf(c.run.results, c.run.path) })),
    groups: m.groups.map((g) => ({
      name: g.name,
      rows: g.rows.map((r) => ({
        ...r.requirement,
        differs: r.differs,
        disagree: r.disagree,
        cells: r.cells.map((c) => ({
          outcome: c.outcome,
          ...(c.result?.failure && { failure: c.result.failure.message }),
          ...(c.result?.note && { note: c.result.note }),
          ...(c.result?.observations && { observations: c.result.observations }),
        })),
      })),
    })),
  };
}

export function diffJson(d: RunDiff): unknown {
  return {
    kind: 'kms-conformance-diff',
    generatedAt: d.generatedAt,
    old: runOf(d.old.results, d.old.path),
    new: runOf(d.new.results, d.new.path),
    warnings: d.warnings,
    unchanged: d.unchanged,
    regressed: d.changes.some((c) => c.kind === 'regressed'),
    changes: d.changes.map((c) => ({
      kind: c.kind,
      id: c.requirement.id,
      strength: c.requirement.strength,
      statement: c.requirement.statement,
      old: c.old?.outcome ?? null,
      new: c.new?.outcome ?? null,
      ...(c.new?.failure && { failure: c.new.failure.message }),
      ...(c.observations && { observations: c.observations }),
    })),
  };
}
