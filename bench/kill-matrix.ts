/**
 * Kill matrix: runs the whole conformance suite against the reference with each named fault
 * switched on, and prints which requirements each fault makes fail (`[n/i]`: reported not implemented;
 * `(should)`: a parity detail), and the faithful run's result.
 *
 *   node --import tsx bench/kill-matrix.ts [--fault name ...] [--json reports/kill-matrix.json]
 *
 * A fault no requirement catches is a gap in the specs. Figures only; nothing here asserts.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { main } from '../harness/cli/main.ts';
import { FAULTS, type FaultName } from '../reference/faults/index.ts';
import { startReferenceServer } from '../reference/server.ts';

interface Row {
  fault: FaultName | '(none)';
  exitCode: number | null;
  failed: string[];
  seconds: number;
}

/** The whole suite against `endpoint`, in this process, with no AWS settings from the environment. */
async function runSuite(endpoint: string): Promise<{ code: number | null; results: { requirements: { id: string; outcome: string; strength: string }[] } }> {
  const out = mkdtempSync(join(tmpdir(), 'kmsct-kill-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('AWS_') || k.startsWith('KMS_CONFORMANCE_')) delete env[k];
  const code = await main(['run', '--endpoint', endpoint, '--out', out], { write: () => {}, writeErr: () => {}, env });
  return { code, results: JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) };
}

async function measure(fault: FaultName | '(none)'): Promise<Row> {
  const ref = await startReferenceServer({ port: 0, faults: fault === '(none)' ? [] : [fault], log: () => {} });
  const t0 = performance.now();
  try {
    const { code, results } = await runSuite(ref.url);
    const caught = results.requirements.filter((r) => r.outcome === 'fail' || r.outcome === 'not-implemented');
    const failed = caught.map((r) => `${r.id}${r.outcome === 'not-implemented' ? '[n/i]' : ''}${r.strength === 'must' ? '' : `(${r.strength})`}`);
    return { fault, exitCode: code, failed, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await ref.close();
  }
}

const { values } = parseArgs({ options: { fault: { type: 'string', multiple: true }, json: { type: 'string' } } });
const faults = (values.fault ?? Object.keys(FAULTS)) as FaultName[];
const rows: Row[] = [await measure('(none)')];
for (const f of faults) {
  rows.push(await measure(f));
  const r = rows.at(-1)!;
  process.stdout.write(`${r.fault.padEnd(36)} exit ${r.exitCode}  ${r.seconds.toFixed(1).padStart(5)} s  ${r.failed.length ? r.failed.join(' ') : 'NOT CAUGHT'}\n`);
}
const baseline = rows[0]!;
process.stdout.write(`\nfaithful reference: exit ${baseline.exitCode}, ${baseline.failed.length} failing, ${baseline.seconds.toFixed(1)} s\n`);
const missed = rows.slice(1).filter((r) => r.exitCode !== 1);
process.stdout.write(`faults caught (exit 1): ${rows.length - 1 - missed.length} of ${rows.length - 1}${missed.length ? `; not caught: ${missed.map((r) => r.fault).join(', ')}` : ''}\n`);
if (values.json) {
  mkdirSync(dirname(values.json), { recursive: true });
  writeFileSync(values.json, `${JSON.stringify(rows, null, 2)}\n`);
}
