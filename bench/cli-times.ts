/**
 * What the commands cost, as a user meets them: each command run as a whole process several times,
 * printed as min / median / max wall-clock seconds beside the figure the project aims for. Figures
 * only; nothing here asserts. Run it on a quiet machine (two cores are the yardstick).
 *
 *   node --import tsx bench/cli-times.ts [--runs 5] [--full-runs 3] [--npm-test] [--emulators]
 *
 * Besides the whole suite, it runs the 129 requirements the suite had when the shape issue set its
 * figures (bench/shape-issue-requirements.txt), to compare like with like. `--npm-test` also times
 * `npm test` once and `--emulators` `npm run test:emulators` once (several minutes each).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'kms-conformance.js');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'full-runs': { type: 'string', default: '3' }, 'npm-test': { type: 'boolean', default: false }, emulators: { type: 'boolean', default: false } } });

const env: NodeJS.ProcessEnv = {};
for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_') && !k.startsWith('KMS_CONFORMANCE_')) env[k] = v;

interface Timed {
  seconds: number;
  code: number | null;
}

function time(command: string, args: string[]): Timed {
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd: ROOT, env, stdio: 'ignore' });
  return { seconds: (performance.now() - t0) / 1000, code: r.status };
}

function row(label: string, goal: string, runs: Timed[], extra = ''): void {
  const s = runs.map((r) => r.seconds).sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)]!;
  const codes = [...new Set(runs.map((r) => r.code))].join(',');
  process.stdout.write(`${label.padEnd(34)} ${s[0]!.toFixed(2).padStart(7)} ${median.toFixed(2).padStart(7)} ${s.at(-1)!.toFixed(2).padStart(7)}   ${goal.padEnd(8)} exit ${codes}${extra}\n`);
}

const n = Number(values.runs);
const repeat = (times: number, f: () => Timed) => Array.from({ length: times }, f);

process.stdout.write(`${'command'.padEnd(34)} ${'min'.padStart(7)} ${'median'.padStart(7)} ${'max'.padStart(7)}   goal (s)\n`);
row('kms-conformance --version', '≤ 0.5', repeat(n, () => time(process.execPath, [BIN, '--version'])));
row('kms-conformance --help', '≤ 0.5', repeat(n, () => time(process.execPath, [BIN, '--help'])));
row('kms-conformance list', '≤ 1', repeat(n, () => time(process.execPath, [BIN, 'list'])));
const out = mkdtempSync(join(tmpdir(), 'kmsct-bench-'));
row("run --grep '^KEY-01 ' (fixed cost)", '≤ 4', repeat(n, () => time(process.execPath, [BIN, 'run', '--grep', '^KEY-01 ', '--out', join(out, 'one')])));
const full = repeat(Number(values['full-runs']), () => time(process.execPath, [BIN, 'run', '--out', join(out, 'full')]));
const results = JSON.parse(readFileSync(join(out, 'full', 'results.json'), 'utf8')) as { requirements: { exchanges: unknown[] }[] };
const exchanges = results.requirements.reduce((sum, r) => sum + r.exchanges.length, 0);
row('run (whole suite, embedded)', '', full, `   ${results.requirements.length} requirements, ${exchanges} exchanges`);
const shapeIds = readFileSync(join(ROOT, 'bench', 'shape-issue-requirements.txt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
const shapeGrep = `^(${shapeIds.join('|')}) `;
const shape = repeat(Number(values['full-runs']), () => time(process.execPath, [BIN, 'run', '--grep', shapeGrep, '--out', join(out, 'shape')]));
const shapeResults = JSON.parse(readFileSync(join(out, 'shape', 'results.json'), 'utf8')) as { requirements: { exchanges: unknown[] }[] };
row('run (the 129 of the shape issue)', '≤ 15', shape, `   ${shapeResults.requirements.length} requirements, ${shapeResults.requirements.reduce((sum, r) => sum + r.exchanges.length, 0)} exchanges`);
rmSync(out, { recursive: true, force: true });
if (values['npm-test']) row('npm test', '≤ 240', [time('npm', ['test', '--silent'])]);
if (values.emulators) row('npm run test:emulators', '', [time('npm', ['run', 'test:emulators', '--silent'])]);
