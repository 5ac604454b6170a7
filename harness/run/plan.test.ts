/**
 * The plan of a run, made without starting anything: what runs, where its output goes, and the
 * one-line refusals of what a user got wrong.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../catalogue/catalogue.ts';
import { abortOf } from '../test-support/abort-of.ts';
import { tempDir } from '../test-support/reference-target.ts';
import { planRun } from './plan.ts';

const NOW = new Date('2026-12-01T10:00:00Z');
const plan = (opts: Parameters<typeof planRun>[0] = {}, env: NodeJS.ProcessEnv = {}, cwd = tempDir()) => planRun(opts, env, cwd, NOW);

describe('planRun', () => {
  it('with no options: the embedded target, every requirement, every spec file, reports/<run id> with reports/latest', () => {
    const cwd = tempDir();
    const p = plan({}, {}, cwd);
    expect(p.target).toMatchObject({ kind: 'embedded', name: 'embedded', maxAttempts: 1, workers: 4 });
    expect(p.runId).toMatch(/^kmsct-20261201T100000-[0-9a-f]{4}$/);
    expect(p.selection.requirements.map((r) => r.id)).toEqual(readCatalogue().map((r) => r.id));
    expect(p.selection.files).toEqual([]); // nothing filtered: vitest takes every spec file
    expect(p.out).toEqual({ dir: join(cwd, 'reports', p.runId), latest: join(cwd, 'reports', 'latest') });
    expect(p.catalogue.length).toBe(readCatalogue().length);
    expect(p.baseline).toBeUndefined();
  });

  it('--grep selects the matching requirements and only their spec files', () => {
    const p = plan({ grep: '^(KEY-01|DIKM-03) ' });
    expect(p.selection.requirements.map((r) => r.id)).toEqual(['DIKM-03', 'KEY-01']);
    expect([...p.selection.files].sort()).toEqual(['specs/delete-imported-key-material/identifiers.spec.ts', 'specs/keys/create-key.spec.ts']);
    expect(p.selection.grep).toBe('^(KEY-01|DIKM-03) ');
  });

  it('a --grep that matches nothing is a usage error before anything starts', () => {
    const e = abortOf(() => plan({ grep: '^NOPE-99 ' }));
    expect(e.kind).toBe('usage');
    expect(e.message).toBe("no requirement matched --grep '^NOPE-99 ' (see kms-conformance list)");
  });

  it('a --grep that is not a regular expression is a usage error', () => {
    expect(abortOf(() => plan({ grep: '(' })).message).toMatch(/^--grep '\(' is not a regular expression/);
  });

  it.each([
    ['/proc/kmsct-x', /is in a system file system/],
    ['/dev/null/x', /\/dev\/null is not a folder/],
  ])('--out %s is refused with one line', (out, why) => {
    const e = abortOf(() => plan({ out }));
    expect(e.kind).toBe('usage');
    expect(e.message).toMatch(why);
  });

  it('--out under a file is refused; a folder still to be made is fine', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'a-file'), 'x');
    expect(abortOf(() => plan({ out: 'a-file/run' }, {}, cwd)).message).toMatch(/a-file is not a folder/);
    expect(plan({ out: 'new/deeper/run' }, {}, cwd).out).toEqual({ dir: join(cwd, 'new/deeper/run') });
  });

  it('reads the baseline that applies, and refuses a broken one', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'baselines'));
    writeFileSync(join(cwd, 'baselines', 'embedded.json'), JSON.stringify({ target: 'embedded', suiteVersion: '0.1.0', entries: [{ id: 'KEY-01', reason: 'known' }] }));
    expect(plan({}, {}, cwd).baseline?.file.entries).toEqual([{ id: 'KEY-01', reason: 'known' }]);
    writeFileSync(join(cwd, 'baselines', 'embedded.json'), '{');
    expect(abortOf(() => plan({}, {}, cwd)).kind).toBe('config');
  });

  it('refuses real AWS without the confirmation, and --record for other targets', () => {
    expect(abortOf(() => plan({ target: 'aws' })).kind).toBe('safety');
    expect(abortOf(() => plan({ record: true })).message).toMatch(/--record stores AWS's answers/);
  });

  it("applies the kind's defaults: real AWS gets its key limit, rates, retries and one spec file at a time", () => {
    const p = plan({ target: 'aws', yesCreateRealAwsKeys: true });
    expect(p.target).toMatchObject({ maxKeys: 250, maxAttempts: 4, eventualConsistency: true, workers: 1, rateLimits: { write: 2 } });
  });
});
