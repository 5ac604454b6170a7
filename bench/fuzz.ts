/**
 * The fuzzer of reference/fuzz.test.ts at scale: 100,000 generated requests (by default) against
 * `kms-conformance serve` in its own process, a few in flight at a time. Prints the status codes
 * seen, the problems found (a 5xx, a 4xx without the awsJson envelope), the server's resident memory
 * before and after, and the slowest answers. Asserts nothing.
 *
 *   node --import tsx bench/fuzz.ts [--requests 100000] [--concurrency 8] [--seed N]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { freePort } from '../harness/targets/free-port.ts';
import { waitUntilAnswers } from '../harness/targets/wait-until-answers.ts';
import { fuzzRequest, problemWith, toFetch, type FuzzRequest } from '../reference/test-support/fuzz.ts';

const BIN = fileURLToPath(new URL('../bin/kms-conformance.js', import.meta.url));
const { values } = parseArgs({ options: { requests: { type: 'string', default: '100000' }, concurrency: { type: 'string', default: '8' }, seed: { type: 'string' } } });
const total = Number(values.requests);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;

/** Resident memory of a process, from /proc (Linux), in MiB. */
function rssMiB(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return kb / 1024;
}

const port = await freePort();
const server = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], { stdio: 'ignore' });
const url = `http://127.0.0.1:${port}`;
const up = await waitUntilAnswers(url, { timeoutMs: 30_000 });
if (!up.ready) throw new Error(`serve did not start: ${up.reason}`);
const rssBefore = rssMiB(server.pid!);

const requests = fc.sample(fuzzRequest, { numRuns: total, seed });
const statuses = new Map<number, number>();
const problems: { problem: string; req: FuzzRequest }[] = [];
const slowest: { ms: number; req: FuzzRequest }[] = [];
let next = 0;
let failedToConnect = 0;
const t0 = performance.now();

async function worker(): Promise<void> {
  while (next < requests.length) {
    const req = requests[next++]!;
    const { url: target, init } = await toFetch(url, req);
    const start = performance.now();
    try {
      const res = await fetch(target, init);
      const body = await res.text();
      const ms = performance.now() - start;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const problem = problemWith({ status: res.status, contentType: res.headers.get('content-type'), body });
      if (problem) problems.push({ problem, req });
      slowest.push({ ms, req });
      if (slowest.length > 20) slowest.sort((a, b) => b.ms - a.ms).splice(5);
    } catch {
      failedToConnect++;
    }
  }
}

await Promise.all(Array.from({ length: Number(values.concurrency) }, worker));
const seconds = (performance.now() - t0) / 1000;
const rssAfter = rssMiB(server.pid!);
const alive = await waitUntilAnswers(url, { timeoutMs: 5_000 });
server.kill('SIGTERM');

slowest.sort((a, b) => b.ms - a.ms);
process.stdout.write(`fuzz: ${total} requests (seed ${seed}) in ${seconds.toFixed(1)} s, ${Math.round(total / seconds)} requests/s, ${values.concurrency} in flight\n`);
process.stdout.write(`status codes: ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join('  ')}\n`);
process.stdout.write(`problems (5xx, or a 4xx without the awsJson envelope): ${problems.length}${failedToConnect ? `; ${failedToConnect} requests got no answer at all` : ''}\n`);
for (const p of problems.slice(0, 5)) process.stdout.write(`  ${p.problem}\n    ${JSON.stringify(p.req).slice(0, 300)}\n`);
process.stdout.write(`server RSS: ${rssBefore.toFixed(1)} MiB before, ${rssAfter.toFixed(1)} MiB after\n`);
process.stdout.write(`slowest answers: ${slowest.slice(0, 3).map((s) => `${s.ms.toFixed(1)} ms (${s.req.operation ?? 'no target'}, ${s.req.signature})`).join(', ')}\n`);
process.stdout.write(`server still answering afterwards: ${alive.ready ? 'yes' : `no (${alive.reason})`}\n`);
