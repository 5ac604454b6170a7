import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTarget } from '../config/resolve-target.ts';
import { RunAbort } from '../errors.ts';
import { tempDir } from '../test-support/reference-target.ts';
import { formatBaseline, parseBaseline, readBaseline, type BaselineFile } from './baseline-file.ts';
import { baselineFileName, locateBaseline, SHIPPED_BASELINES } from './locate.ts';

function abortOf(fn: () => unknown): RunAbort {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RunAbort);
    return e as RunAbort;
  }
  throw new Error('expected a RunAbort, but nothing was thrown');
}

const good = { target: 'moto', targetVersion: '5.2.1', suiteVersion: '0.1.0', entries: [{ id: 'DIKM-01', reason: 'no such operation', expect: 'not-implemented' }] };

describe('parseBaseline: a bad baseline is one line naming the file and the field, exit code 2', () => {
  it('accepts a well-formed baseline', () => {
    expect(parseBaseline(good, 'b.json')).toEqual(good);
  });

  it.each([
    ['no reason', { ...good, entries: [{ id: 'DIKM-01' }] }, /entries\.0\.reason/],
    ['an empty reason', { ...good, entries: [{ id: 'DIKM-01', reason: '  ' }] }, /entries\.0\.reason: a reason is required/],
    ['a reason of two lines', { ...good, entries: [{ id: 'DIKM-01', reason: 'a\nb' }] }, /a reason is one line/],
    ['a malformed id', { ...good, entries: [{ id: 'dikm 1', reason: 'x' }] }, /entries\.0\.id: a requirement id looks like DIKM-03/],
    ['an id listed twice', { ...good, entries: [{ id: 'DIKM-01', reason: 'x' }, { id: 'DIKM-01', reason: 'y' }] }, /entries\.1\.id: DIKM-01 is listed twice/],
    ['an unknown expected outcome', { ...good, entries: [{ id: 'DIKM-01', reason: 'x', expect: 'pass' }] }, /entries\.0\.expect/],
    ['a link that is not a URL', { ...good, entries: [{ id: 'DIKM-01', reason: 'x', link: 'see issue 4' }] }, /entries\.0\.link: link must be an http\(s\) URL/],
    ['a misspelt field', { ...good, entries: [{ id: 'DIKM-01', reson: 'x', reason: 'y' }] }, /entries\.0.*reson/],
    ['no suite version', { target: 'moto', entries: [] }, /suiteVersion/],
    ['entries that are not a list', { ...good, entries: {} }, /entries/],
  ])('%s', (_, raw, message) => {
    const e = abortOf(() => parseBaseline(raw, '/x/b.json'));
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/^baseline \/x\/b\.json: /);
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('\n');
  });

  it('a missing file and a file that is not JSON are one line each', () => {
    const dir = tempDir();
    expect(abortOf(() => readBaseline(join(dir, 'none.json'))).message).toBe(`baseline file not found: ${join(dir, 'none.json')}`);
    writeFileSync(join(dir, 'bad.json'), '{ "target": ');
    const e = abortOf(() => readBaseline(join(dir, 'bad.json')));
    expect(e.message).toMatch(/bad\.json: not valid JSON/);
    expect(e.message).not.toContain('\n');
  });
});

describe('formatBaseline: the same baseline always gives the same bytes', () => {
  const b: BaselineFile = {
    suiteVersion: '0.1.0',
    entries: [
      { reviewed: false, reason: 'observed: x', id: 'DIKM-100', expect: 'fail' },
      { link: 'https://example.com/i/1', reason: 'alias accepted', id: 'DIKM-20' },
      { id: 'DIKM-02', reason: 'r', reviewed: true },
    ],
    target: 'local-kms',
  };

  it('sorts entries by id (numeric-aware: DIKM-20 before DIKM-100), fixes the key order, ends with a newline, and round-trips', () => {
    const text = formatBaseline(b);
    expect(text).toBe(`{
  "target": "local-kms",
  "suiteVersion": "0.1.0",
  "entries": [
    {
      "id": "DIKM-02",
      "reason": "r"
    },
    {
      "id": "DIKM-20",
      "reason": "alias accepted",
      "link": "https://example.com/i/1"
    },
    {
      "id": "DIKM-100",
      "expect": "fail",
      "reason": "observed: x",
      "reviewed": false
    }
  ]
}
`);
    expect(formatBaseline(parseBaseline(JSON.parse(text), 'x'))).toBe(text);
  });
});

describe('locateBaseline', () => {
  it('--no-baseline wins, then --baseline, then the config file\'s, then baselines/<name>.json here, then the shipped one', () => {
    const cwd = tempDir();
    expect(locateBaseline({ name: 'moto', baseline: '/cfg/b.json' }, { baseline: false }, cwd)).toBeUndefined();
    expect(locateBaseline({ name: 'moto', baseline: '/cfg/b.json' }, { baseline: 'mine.json' }, cwd)).toBe(join(cwd, 'mine.json'));
    expect(locateBaseline({ name: 'moto', baseline: '/cfg/b.json' }, {}, cwd)).toBe('/cfg/b.json');
    expect(locateBaseline({ name: 'moto' }, {}, cwd)).toBe(join(SHIPPED_BASELINES, 'moto.json'));
    mkdirSync(join(cwd, 'baselines'));
    writeFileSync(join(cwd, 'baselines', 'moto.json'), '{}');
    expect(locateBaseline({ name: 'moto' }, {}, cwd)).toBe(join(cwd, 'baselines', 'moto.json'));
    expect(locateBaseline({ name: 'lab' }, {}, cwd), 'no baseline for a target without one').toBeUndefined();
  });

  it('finds the shipped baselines of the built-in emulator targets by name, and they are valid', () => {
    for (const name of ['moto', 'local-kms']) {
      const path = locateBaseline({ name }, {}, tempDir());
      expect(path).toBe(join(SHIPPED_BASELINES, `${name}.json`));
      const b = readBaseline(path!);
      expect(b.target).toBe(name);
      expect(b.entries.length).toBeGreaterThan(0);
      expect(b.entries.filter((e) => e.reviewed === false).map((e) => e.id), 'every shipped entry is explained').toEqual([]);
    }
  });

  it('makes a file name of any target name', () => {
    expect(baselineFileName('container:localstack')).toBe('container-localstack.json');
    expect(baselineFileName('../etc/passwd')).toBe('--etc-passwd.json');
  });

  it('a config-file target names its baseline relative to the config file', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'conf'));
    writeFileSync(join(cwd, 'conf', 'kmsct.json'), JSON.stringify({ targets: { lab: { endpoint: 'http://lab.local:1', baseline: 'lab-baseline.json' } } }));
    const t = resolveTarget({ target: 'lab', config: 'conf/kmsct.json' }, {}, cwd);
    expect(t.baseline).toBe(join(cwd, 'conf', 'lab-baseline.json'));
    expect(locateBaseline(t, {}, cwd)).toBe(join(cwd, 'conf', 'lab-baseline.json'));
    writeFileSync(join(cwd, 'conf', 'kmsct.json'), JSON.stringify({ targets: { lab: { endpoint: 'http://lab.local:1', baseline: 7 } } }));
    expect(abortOf(() => resolveTarget({ target: 'lab', config: 'conf/kmsct.json' }, {}, cwd)).message).toMatch(/targets\.lab\.baseline: /);
  });
});
