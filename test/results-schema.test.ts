/**
 * results.json against its JSON Schema: the committed schema file is the one the zod schema
 * generates, real run outputs validate with an independent validator (ajv), and broken documents
 * are rejected. The runs are `main()` in-process (test/in-process.ts), two at once as before.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type RunningReference } from '#reference/server.ts';
import { resultsJsonSchemaText } from '#harness/results/index.ts';
import { RESULTS_SCHEMA_VERSION } from '#harness/results/index.ts';
import { ROOT } from './cli-support.ts';
import { runMain } from './in-process.ts';

const schemaPath = join(ROOT, 'schema/results.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const errorsOf = (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

describe('schema/results.schema.json', () => {
  it('is what `npm run schema` generates (run it after changing the results shape)', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(resultsJsonSchemaText());
  });

  it('carries its version in $id and title, and is shipped in the package', () => {
    expect(schema.$id).toContain(`/${RESULTS_SCHEMA_VERSION}/`);
    expect(schema.title).toContain(RESULTS_SCHEMA_VERSION);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[]; exports: Record<string, string> };
    expect(pkg.files).toContain('schema');
    expect(pkg.exports['./schema/results.schema.json']).toBe('./schema/results.schema.json');
  });

  it('knows every outcome, including the baseline ones', () => {
    const text = JSON.stringify(schema);
    for (const o of ['expected-deviation', 'stale-deviation', 'not-implemented', 'observed']) expect(text).toContain(`"${o}"`);
  });
});

describe('real results.json files validate', () => {
  let passing: Record<string, unknown>;
  let failing: Record<string, unknown>;
  let faulty: RunningReference;

  beforeAll(async () => {
    const a = mkdtempSync(join(tmpdir(), 'kmsct-schema-'));
    const b = mkdtempSync(join(tmpdir(), 'kmsct-schema-'));
    // A reference with two deviations, so the document has failures and a not-implemented outcome.
    faulty = await startReferenceServer({ port: 0, faults: ['wrong-error-code', 'no-import-operations'] });
    const [ra, rb] = await Promise.all([
      runMain(['run', '--out', a, '--grep', '^(KEY-0[1-3]|PROTO-1|PROP-01) ']),
      runMain(['run', '--endpoint', faulty.url, '--out', b, '--grep', '^(DIKM-01|GPFI-01|PROTO-10) ']),
    ]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(1);
    passing = JSON.parse(readFileSync(join(a, 'results.json'), 'utf8'));
    failing = JSON.parse(readFileSync(join(b, 'results.json'), 'utf8'));
  }, 180_000);
  afterAll(() => faulty?.close());

  it('a conformant run', () => {
    expect(errorsOf(passing)).toEqual([]);
    expect((passing.requirements as unknown[]).length).toBeGreaterThan(3);
  });

  it('a run with failures and a missing operation', () => {
    const outcomes = (failing.requirements as { outcome: string }[]).map((r) => r.outcome);
    expect(outcomes).toContain('fail');
    expect(outcomes).toContain('not-implemented');
    expect(errorsOf(failing)).toEqual([]);
  });

  it('a run with a baseline applied (expected and stale deviations)', () => {
    const doc = structuredClone(failing) as { baseline?: unknown; requirements: Record<string, unknown>[] };
    doc.baseline = { path: 'baselines/x.json', target: 'x', entries: 3, allowStale: false, unknownIds: ['GONE-01'], notRun: [] };
    doc.requirements[0]!.baseline = { reason: 'known', link: 'https://example.com/1', rawOutcome: doc.requirements[0]!.outcome };
    doc.requirements[0]!.outcome = 'expected-deviation';
    doc.requirements[1]!.baseline = { reason: 'fixed since', rawOutcome: 'pass' };
    doc.requirements[1]!.outcome = 'stale-deviation';
    expect(errorsOf(doc)).toEqual([]);
  });

  it.each<[string, (d: Record<string, any>) => void, RegExp]>([
    ['an unknown outcome', (d) => (d.requirements[0].outcome = 'passed-ish'), /outcome/],
    ['a missing verdict', (d) => delete d.verdict, /verdict/],
    ['a field the schema does not know', (d) => (d.run.secret = 'x'), /additional/],
    ['another major schema version', (d) => (d.schemaVersion = '2.0.0'), /schemaVersion/],
    ['a malformed requirement id', (d) => (d.requirements[0].id = 'key 1'), /id/],
    ['a negative count', (d) => (d.summary.byOutcome.pass = -1), /pass/],
    ['a baseline entry without its reason', (d) => (d.requirements[0].baseline = { rawOutcome: 'fail' }), /reason/],
  ])('rejects %s', (_name, breakIt, where) => {
    const doc = structuredClone(passing) as Record<string, any>;
    breakIt(doc);
    const errors = errorsOf(doc);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(where);
  });
});
