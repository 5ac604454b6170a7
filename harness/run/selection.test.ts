/**
 * The requirement filters `run` and `list` share: id-like --grep patterns name ids precisely,
 * --strength, --operation and --rerun-failed narrow the catalogue, filters combine, and a
 * selection of nothing is the same usage error for both.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSelection, exactNamePattern, grepSelects, readCatalogue, selectRequirements, type CatalogueEntry } from '../catalogue/catalogue.ts';
import { RunAbort } from '../errors.ts';
import { selectedRequirements } from './selection.ts';

const entry = (id: string, statement: string, operation = 'Encrypt', strength: CatalogueEntry['strength'] = 'must'): CatalogueEntry => ({
  id, statement, operation, strength, evidence: strength === 'observe' ? 'unknown' : 'documented', source: { url: 'https://example.com' }, file: 'specs/x/x.spec.ts',
});
const ALL = [
  entry('KEY-01', 'CreateKey makes a key'),
  entry('KEY-02', 'CreateKey answers CurrentKeyMaterialId', 'CreateKey', 'should'),
  entry('IKM-01', 'ImportKeyMaterial with KEY_MATERIAL_EXPIRES', 'ImportKeyMaterial'),
  entry('GPFI-01', 'GetParametersForImport of a KEY spec', 'GetParametersForImport', 'observe'),
];
const ids = (sel: Parameters<typeof selectRequirements>[1]) => selectRequirements(ALL, sel).map((r) => r.id);

describe('--grep', () => {
  it('names ids when it looks like an id or an area: KEY is every KEY-* and no statement mentioning KEY', () => {
    expect(ids({ grep: 'KEY' })).toEqual(['KEY-01', 'KEY-02']);
    expect(ids({ grep: 'KEY-' })).toEqual(['KEY-01', 'KEY-02']);
    expect(ids({ grep: 'KEY-01' })).toEqual(['KEY-01']);
    expect(ids({ grep: 'KEY-0' }), 'an id no requirement has is the ids it begins').toEqual(['KEY-01', 'KEY-02']);
    expect(grepSelects('KEY-0', ALL[0]!, true)).toBe(false);
  });

  it('is a regular expression over "<id> — <statement>" otherwise', () => {
    expect(ids({ grep: 'KEY_MATERIAL' })).toEqual(['IKM-01']);
    expect(ids({ grep: '^(IKM|GPFI)-' })).toEqual(['IKM-01', 'GPFI-01']);
    expect(() => ids({ grep: '(' })).toThrow(RunAbort);
  });
});

describe('--strength, --operation and their combination', () => {
  it('narrow by strength and by operation, and every filter given must hold', () => {
    expect(ids({ strength: ['must'] })).toEqual(['KEY-01', 'IKM-01']);
    expect(ids({ operation: ['CreateKey', 'GetParametersForImport'] })).toEqual(['KEY-02', 'GPFI-01']);
    expect(ids({ grep: 'KEY', strength: ['should'] })).toEqual(['KEY-02']);
  });

  it('refuses an operation no requirement names, suggesting the one meant', () => {
    expect(() => ids({ operation: ['createkey'] })).toThrow(/did you mean CreateKey\?/);
  });

  it('describes itself as the options that made it, and builds an exact test-name pattern', () => {
    expect(describeSelection({ grep: 'KEY', strength: ['must', 'should'] })).toBe("--grep 'KEY' --strength must,should");
    const pattern = new RegExp(exactNamePattern([{ id: 'KEY-01' }, { id: 'IKM-01' }]));
    expect(pattern.test('KEY-01 — CreateKey makes a key')).toBe(true);
    expect(pattern.test('KEY-011 — another')).toBe(false);
  });
});

describe('--rerun-failed and empty selections (the real catalogue)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kmsct-rerun-'));
  const [first, second, third] = readCatalogue();
  writeFileSync(join(dir, 'results.json'), JSON.stringify({
    suite: { version: '0.1.0' }, run: {}, target: { name: 'x' }, errors: [],
    requirements: [
      { id: first!.id, operation: first!.operation, outcome: 'fail' },
      { id: second!.id, operation: second!.operation, outcome: 'pass' },
      { id: third!.id, operation: third!.operation, outcome: 'not-implemented' },
    ],
  }));

  it('selects the problems of the earlier run, and combines with the other filters', () => {
    expect(selectedRequirements({ rerunFailed: dir }).requirements.map((r) => r.id)).toEqual([first!.id, third!.id]);
    expect(selectedRequirements({ rerunFailed: dir, grep: first!.id }).requirements.map((r) => r.id)).toEqual([first!.id]);
  });

  it('is a usage error when nothing is selected, naming the filters', () => {
    expect(() => selectedRequirements({ grep: 'NOPE-01' })).toThrow("no requirement matched --grep 'NOPE-01' (see kms-conformance list)");
    expect(() => selectedRequirements({ rerunFailed: join(dir, 'missing') })).toThrow(RunAbort);
  });
});
