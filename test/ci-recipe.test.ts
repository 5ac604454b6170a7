/**
 * The README's baseline recipe works as written: its commands, taken from the README, run in an
 * empty folder against a served reference that deviates (a fault), give exit 1 without a baseline,
 * write baselines/<name>.json from that run, and exit 0 (conformant to the baseline) with it. Only
 * the fault's catching requirements run (a `--grep` is added), to keep the test short.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startReferenceServer } from '../reference/server.ts';
import { ROOT } from './cli-support.ts';
import { INTENDED_CATCHES } from './fault-matrix.ts';
import { runMain } from './in-process.ts';

/** The shell lines of the README block marked `<!-- recipe:baseline -->`, comments dropped, split into words. */
function recipe(): string[][] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- recipe:baseline -->\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('the README has no recipe:baseline block');
  return block.trim().split('\n').map((l) => l.replace(/\s+#.*$/, '').trim().split(/\s+/));
}

it('the README baseline recipe gates as written', async () => {
  const fault = 'wrong-status-code';
  const ids = INTENDED_CATCHES[fault].map((id) => id.split(':')[0]!);
  const ref = await startReferenceServer({ port: 0, faults: [fault], log: () => {} });
  const cwd = mkdtempSync(join(tmpdir(), 'kmsct-recipe-'));
  try {
    const steps = recipe();
    expect(steps.map((s) => s.slice(0, 3).join(' '))).toEqual(['kms-conformance run --endpoint', 'kms-conformance baseline update', 'kms-conformance run --endpoint']);
    const args = (words: string[]) => {
      const a = words.slice(1).map((w) => (w.startsWith('http://127.0.0.1:') ? ref.url : w));
      return a[0] === 'run' ? [...a, '--seed', '1440478003', '--grep', `^(${[...ids, 'KEY-01'].join('|')}) `] : a;
    };
    const first = await runMain(args(steps[0]!), { cwd });
    expect(first.code, first.stdout + first.stderr).toBe(1);
    const update = await runMain(args(steps[1]!), { cwd });
    expect(update.code, update.stdout + update.stderr).toBe(0);
    const file = join(cwd, 'baselines', 'my-emulator.json');
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ target: 'my-emulator', targetVersion: '1.2.3' });
    const gated = await runMain(args(steps[2]!), { cwd });
    expect(gated.code, gated.stdout + gated.stderr).toBe(0);
    expect(gated.stdout).toMatch(/^verdict: conformant-to-baseline$/m);
    expect(gated.stdout).toMatch(/^warning: \d+ baseline entr(y is|ies are) provisional/m);
  } finally {
    await ref.close();
  }
}, 300_000);
