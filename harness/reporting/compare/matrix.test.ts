import { describe, expect, it } from 'vitest';
import { loaded, req, run } from '../../test-support/run-results.ts';
import { buildMatrix, countOutcomes } from './matrix.ts';

describe('buildMatrix', () => {
  const a = run('embedded', [
    req('DIKM-01', 'pass'),
    req('DIKM-02', 'pass'),
    req('DIKM-05', 'observed', { observations: [{ label: 'alias name', value: { status: 400, code: 'NotFoundException' } }] }),
    req('DIKM-06', 'observed', { observations: [{ label: 'answer', value: { key: '1234abcd-12ab-34cd-56ef-1234567890ab', at: '2026-11-28T00:00:00Z' } }] }),
    req('PROTO-01', 'pass'),
  ]);
  const b = run('moto', [
    req('DIKM-01', 'pass'),
    req('DIKM-02', 'not-implemented', { failure: { message: 'UnknownOperationException' } }),
    req('DIKM-05', 'observed', { observations: [{ label: 'alias name', value: { status: 200, code: null } }] }),
    // Another key id and time: the same answer once volatile values are set aside.
    req('DIKM-06', 'observed', { observations: [{ label: 'answer', value: { key: 'ffffffff-12ab-34cd-56ef-1234567890ab', at: '2026-11-29T10:00:00Z' } }] }),
    req('PROTO-02', 'expected-deviation', { baseline: { reason: 'known', rawOutcome: 'fail' } }),
  ]);
  const m = buildMatrix([loaded(a), loaded(b)], new Date('2026-11-28T12:00:00Z'));
  const row = (id: string) => m.groups.flatMap((g) => g.rows).find((r) => r.requirement.id === id)!;

  it('has one row per requirement of any run, grouped by operation, and one cell per run in the order given', () => {
    expect(m.columns.map((c) => c.label)).toEqual(['embedded', 'moto']);
    expect(m.groups.map((g) => [g.name, g.rows.map((r) => r.requirement.id)])).toEqual([
      ['DeleteImportedKeyMaterial', ['DIKM-01', 'DIKM-02', 'DIKM-05', 'DIKM-06']],
      ['protocol', ['PROTO-01', 'PROTO-02']],
    ]);
  });

  it('gives each cell its outcome, and absent where a run did not check the requirement', () => {
    expect(row('DIKM-02').cells.map((c) => c.outcome)).toEqual(['pass', 'not-implemented']);
    expect(row('PROTO-01').cells.map((c) => c.outcome)).toEqual(['pass', 'absent']);
    expect(row('PROTO-02').cells.map((c) => c.outcome)).toEqual(['absent', 'expected-deviation']);
    expect(row('PROTO-01').cells[1]!.result).toBeUndefined();
  });

  it('marks rows where runs differ, by outcome or by observed answer, ids and times aside', () => {
    expect(row('DIKM-01').differs).toBe(false);
    expect(row('DIKM-02').differs).toBe(true);
    expect(row('DIKM-05').differs).toBe(true);
    expect(row('DIKM-06').differs).toBe(false);
    expect(row('PROTO-01').differs).toBe(true);
  });

  it('tells where a requirement does not hold (baselined or not), and rows where it holds on some runs only', () => {
    expect(row('DIKM-02')).toMatchObject({ deviatesIn: [1], disagree: true });
    expect(row('PROTO-02')).toMatchObject({ deviatesIn: [1], disagree: false }); // the other run did not check it
    expect(row('DIKM-05')).toMatchObject({ deviatesIn: [], disagree: false, differs: true }); // answers differ, both observed
    expect(row('DIKM-01')).toMatchObject({ deviatesIn: [], disagree: false });
  });

  it('marks failing rows and rows whose answers are shown side by side', () => {
    expect(row('DIKM-02').failing).toBe(true);
    expect(row('DIKM-01').failing).toBe(false);
    expect(row('DIKM-06').showAnswers).toBe(true); // observe, even when the runs agree
    expect(row('DIKM-02').showAnswers).toBe(true); // a disagreement
    expect(row('DIKM-01').showAnswers).toBe(false);
  });

  it('counts outcomes per column', () => {
    const all = m.groups.flatMap((g) => g.rows);
    expect(countOutcomes(all, 1)).toMatchObject({ pass: 1, 'not-implemented': 1, observed: 2, 'expected-deviation': 1, absent: 1 });
  });

  it('tells apart columns of the same target by run id, and a run given twice by position', () => {
    const x = run('moto', [req('DIKM-01', 'pass')], { runId: 'kmsct-20261128T010101-aaaa' });
    const y = run('moto', [req('DIKM-01', 'fail')], { runId: 'kmsct-20261128T020202-bbbb' });
    expect(buildMatrix([loaded(x), loaded(y), loaded(a)]).columns.map((c) => c.label)).toEqual([
      'moto · kmsct-20261128T010101-aaaa',
      'moto · kmsct-20261128T020202-bbbb',
      'embedded',
    ]);
    expect(buildMatrix([loaded(x), loaded(x)]).columns.map((c) => c.label)).toEqual(['moto · kmsct-20261128T010101-aaaa #1', 'moto · kmsct-20261128T010101-aaaa #2']);
  });
});
