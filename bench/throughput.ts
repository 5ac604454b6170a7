/**
 * Throughput of a KMS endpoint answering one fixed, signed Encrypt request, as fast as autocannon
 * can send it (keep-alive connections, several in flight). Prints requests per second, latency
 * percentiles and the status codes seen; asserts nothing.
 *
 *   node --import tsx bench/throughput.ts [--seconds 10] [--connections 16] [--pipelining 1]
 *                                         [--target reference|local-kms|moto|all]
 *
 * The reference runs in its own process (`kms-conformance serve`), like the emulators, so the load
 * generator and the server do not share an event loop. local-kms and moto are measured when they
 * are installed (they accept any signature; the reference verifies every one). The request is
 * signed once: its signature stays valid for the reference's 5-minute clock skew window.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { PRIMARY_ACCOUNT } from '../reference/accounts.ts';
import { signRequest } from '../reference/test-support/signed-request.ts';
import { findProgram } from '../harness/targets/find-program.ts';
import { freePort } from '../harness/targets/free-port.ts';
import { waitUntilAnswers } from '../harness/targets/wait-until-answers.ts';

const BIN = fileURLToPath(new URL('../bin/kms-conformance.js', import.meta.url));
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    pipelining: { type: 'string', default: '1' },
    target: { type: 'string', default: 'all' },
  },
});

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
}

async function started(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, port: number): Promise<Server> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  const up = await waitUntilAnswers(url, { timeoutMs: 30_000 });
  if (!up.ready) throw new Error(`${name} did not start: ${up.reason}`);
  return { name, url, child };
}

async function servers(): Promise<Server[]> {
  const want = (n: string) => values.target === 'all' || values.target === n;
  const out: Server[] = [];
  if (want('reference')) {
    const port = await freePort();
    out.push(await started('reference', process.execPath, [BIN, 'serve', '--port', String(port)], {}, port));
  }
  const localKms = want('local-kms') ? findProgram('local-kms', ['{GOBIN}', '{GOPATH}/bin']) : undefined;
  if (localKms) {
    const port = await freePort();
    out.push(await started('local-kms', localKms, [], { PORT: String(port), KMS_ACCOUNT_ID: '111111111111', KMS_REGION: 'us-east-1', KMS_DATA_PATH: mkdtempSync(join(tmpdir(), 'kmsct-bench-')) }, port));
  } else if (want('local-kms')) process.stdout.write('local-kms: not installed, skipped\n');
  const moto = want('moto') ? findProgram('moto_server', []) : undefined;
  if (moto) {
    const port = await freePort();
    out.push(await started('moto', moto, ['-H', '127.0.0.1', '-p', String(port)], {}, port));
  } else if (want('moto')) process.stdout.write('moto: not installed, skipped\n');
  return out;
}

/** A key to encrypt under, made with an ordinary signed CreateKey. */
async function createKey(url: string): Promise<string> {
  const { init } = await signRequest({ url, operation: 'CreateKey', body: {}, signingDate: new Date(), credential: PRIMARY_ACCOUNT.credentials[0]! });
  const res = await fetch(url, init);
  const body = (await res.json()) as { KeyMetadata?: { KeyId: string } };
  if (!body.KeyMetadata) throw new Error(`CreateKey failed on ${url}: ${JSON.stringify(body)}`);
  return body.KeyMetadata.KeyId;
}

/**
 * For a server that closes every connection (moto's werkzeug answers `Connection: close`, which
 * autocannon does not reconnect after): the same request from a loop of fetches, as many in flight
 * as autocannon would have.
 */
async function fetchLoop(s: Server, init: { method: string; headers: Record<string, string>; body: string }): Promise<void> {
  const until = Date.now() + Number(values.seconds) * 1000;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  await Promise.all(
    Array.from({ length: Number(values.connections) }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        const res = await fetch(s.url, init);
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
  process.stdout.write(
    `${s.name.padEnd(10)} ${Math.round(latencies.length / Number(values.seconds)).toString().padStart(7)} req/s   ` +
      `latency p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms   ${latencies.length} requests (${[...statuses].map(([c, n]) => `${c}×${n}`).join(' ')}; a fetch loop: the server closes every connection)\n`,
  );
}

async function measure(s: Server): Promise<void> {
  const keyId = await createKey(s.url);
  const { init } = await signRequest({ url: s.url, operation: 'Encrypt', body: { KeyId: keyId, Plaintext: Buffer.from('benchmark plaintext').toString('base64') }, signingDate: new Date() });
  const probe = await fetch(s.url, init);
  await probe.arrayBuffer();
  if (probe.headers.get('connection')?.toLowerCase() === 'close') return fetchLoop(s, init);
  const result = await autocannon({
    url: s.url,
    method: 'POST',
    headers: init.headers,
    body: init.body,
    duration: Number(values.seconds),
    connections: Number(values.connections),
    pipelining: Number(values.pipelining),
  });
  const statuses = Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => `${code}×${(v as { count: number }).count}`).join(' ');
  process.stdout.write(
    `${s.name.padEnd(10)} ${Math.round(result.requests.average).toString().padStart(7)} req/s   ` +
      `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms   ` +
      `${result.requests.total} requests (${statuses}${result.errors ? `, ${result.errors} errors` : ''})\n`,
  );
}

process.stdout.write(`Encrypt, one signed request repeated: ${values.connections} connections, pipelining ${values.pipelining}, ${values.seconds} s each\n`);
const all = await servers();
try {
  for (const s of all) await measure(s);
} finally {
  for (const s of all) {
    try {
      process.kill(-s.child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}
