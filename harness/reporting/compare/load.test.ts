import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunAbort } from '../../errors.ts';
import { req, run } from '../../test-support/run-results.ts';
import { loadRun } from './load.ts';

const dir = mkdtempSync(join(tmpdir(), 'kmsct-load-'));
const good = run('moto', [req('DIKM-01', 'pass')]);

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** The one-line message of the RunAbort that loading `input` throws. */
function abort(input: string): string {
  try {
    loadRun(input);
  } catch (e) {
    expect(e).toBeInstanceOf(RunAbort);
    expect((e as RunAbort).kind).toBe('usage');
    expect((e as RunAbort).message).not.toContain('\n');
    return (e as RunAbort).message;
  }
  throw new Error(`${input} was accepted`);
}

describe('loadRun', () => {
  it('reads a results.json, a run folder, and a symlink to a run folder (reports/latest)', () => {
    const p = file('results.json', JSON.stringify(good));
    expect(loadRun(p).results.target.name).toBe('moto');
    const runDir = join(dir, 'kmsct-run');
    mkdirSync(runDir);
    writeFileSync(join(runDir, 'results.json'), JSON.stringify(good));
    expect(loadRun(runDir).path).toBe(join(runDir, 'results.json'));
    symlinkSync('kmsct-run', join(dir, 'latest'));
    expect(loadRun(join(dir, 'latest')).results.run.id).toBe(good.run.id);
  });

  const bad = (): [string, () => string, RegExp][] => [
    ['a missing path', () => join(dir, 'nope.json'), /cannot read .*nope\.json: no such file or folder/],
    ['a folder without results.json', () => (mkdirSync(join(dir, 'empty'), { recursive: true }), join(dir, 'empty')), /cannot read .*empty\/results\.json: no such file/],
    ['text that is not JSON', () => file('text.json', 'hello'), /text\.json is not JSON/],
    ['JSON without schemaVersion', () => file('other.json', '{"a":1}'), /is not a kms-conformance results\.json \(no schemaVersion\)/],
    ['another major schema version', () => file('v2.json', JSON.stringify({ ...good, schemaVersion: '2.0.0' })), /schemaVersion: a version this suite does not read/],
    ['an unknown outcome', () => file('outcome.json', JSON.stringify({ ...good, requirements: [{ ...good.requirements[0], outcome: 'great' }] })), /requirements\.0\.outcome/],
    ['a missing target', () => file('target.json', JSON.stringify({ ...good, target: undefined })), /: target:/],
  ];
  it.each(bad())('refuses %s with one line', (_, make, message) => {
    expect(abort(make())).toMatch(message);
  });
});
