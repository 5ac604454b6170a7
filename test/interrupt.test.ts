/**
 * An interrupted run still cleans up: every key it created ends up scheduled for deletion.
 * A slow proxy in front of the reference keeps the run going long enough to interrupt it.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, request, type Server } from 'node:http';
import { DescribeKeyCommand, KMSClient, ListKeysCommand, ListResourceTagsCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readCatalogue } from '../harness/catalogue/catalogue.ts';
import { PRIMARY_ACCOUNT } from '../reference/accounts.ts';
import { startReferenceServer, type RunningReference } from '../reference/server.ts';
import { collect, startCli, waitForLine } from './cli-support.ts';

const DELAY_MS = 300;
let ref: RunningReference;
let proxy: Server;
let proxyUrl: string;

beforeAll(async () => {
  ref = await startReferenceServer({ port: 0, log: () => {} });
  const target = new URL(ref.url);
  proxy = createServer((req, res) => {
    // The interrupted run drops its connections mid-request: that is expected, not an error.
    req.on('error', () => res.destroy());
    res.on('error', () => {});
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      setTimeout(() => {
        const up = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        });
        up.on('error', () => res.destroy());
        up.end(Buffer.concat(chunks));
      }, DELAY_MS);
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
});

afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise<void>((r) => proxy.close(() => r()));
  await ref.close();
});

/** Starts a run against the slow proxy and resolves once it has created a key (its ledger says so). */
async function runUntilAKeyExists(out: string, opts: { ownGroup?: boolean } = {}) {
  rmSync(out, { recursive: true, force: true });
  const child = startCli(['run', '--endpoint', proxyUrl, '--out', out], undefined, undefined, opts);
  const done = collect(child);
  const runId = (await waitForLine(child, /run (kmsct-[\w-]+),/))[1]!;
  const ledger = join(tmpdir(), `${runId}.resources.jsonl`);
  while (!(existsSync(ledger) && readFileSync(ledger, 'utf8').includes('"key-created"'))) await new Promise((r) => setTimeout(r, 50));
  return { child, done, runId };
}

/** Every key tagged with `runId` is pending deletion, and there is at least one. */
async function expectEveryKeyScheduled(runId: string): Promise<void> {
  const c = new KMSClient({ endpoint: ref.url, region: 'us-east-1', credentials: PRIMARY_ACCOUNT.credentials[0]!, maxAttempts: 1 });
  const { Keys = [] } = await c.send(new ListKeysCommand({}));
  const ours = [];
  for (const k of Keys) {
    const { Tags = [] } = await c.send(new ListResourceTagsCommand({ KeyId: k.KeyId }));
    if (Tags.some((t) => t.TagKey === 'kms-conformance:run-id' && t.TagValue === runId)) ours.push(k.KeyId!);
  }
  expect(ours.length).toBeGreaterThan(0);
  for (const id of ours) {
    const { KeyMetadata } = await c.send(new DescribeKeyCommand({ KeyId: id }));
    expect(KeyMetadata?.KeyState, id).toBe('PendingDeletion');
  }
}

it('Ctrl-C in a terminal (SIGINT to the whole process group): the run ends as interrupted, with what finished, every key scheduled for deletion, exit 130', async () => {
  const { child, done, runId } = await runUntilAKeyExists('/tmp/kmsct-interrupt-group', { ownGroup: true });
  process.kill(-child.pid!, 'SIGINT');
  const r = await done;
  expect(r.code, r.stdout + r.stderr).toBe(130);
  await expectEveryKeyScheduled(runId);
  const results = JSON.parse(readFileSync('/tmp/kmsct-interrupt-group/results.json', 'utf8'));
  expect(results.run.interrupted).toBe(true);
  expect(results.verdict).not.toBe('error');
  expect(results.errors).toEqual([]);
  // The checks vitest cancelled are not "not applicable": they did not run, and say so.
  expect(results.requirements.filter((q: { outcome: string; note?: string }) => q.outcome === 'not-applicable' && q.note?.includes('aborted'))).toEqual([]);
  // Every requirement of the suite either ran or is listed as not run.
  expect(results.run.notRun.length).toBeGreaterThan(0);
  expect(results.run.notRun.length + results.requirements.length).toBe(readCatalogue().length);
  expect(r.stdout).toMatch(/did not run \(interrupted\): \d+ requirements?, .*; nothing is claimed about them/);
}, 120_000);

it('a second Ctrl-C stops waiting for the running checks, but still writes what finished and schedules every key for deletion', async () => {
  const { child, done, runId } = await runUntilAKeyExists('/tmp/kmsct-interrupt-twice', { ownGroup: true });
  process.kill(-child.pid!, 'SIGINT');
  await waitForLine(child, /^interrupted: /m);
  process.kill(-child.pid!, 'SIGINT');
  const r = await done;
  expect(r.code, r.stdout + r.stderr).toBe(130);
  expect(r.stdout).toMatch(/interrupted again: not waiting for the running checks/);
  for (const f of ['results.json', 'junit.xml', 'manifest.json', 'index.html']) expect(existsSync(join('/tmp/kmsct-interrupt-twice', f)), f).toBe(true);
  expect(JSON.parse(readFileSync('/tmp/kmsct-interrupt-twice/results.json', 'utf8')).run.interrupted).toBe(true);
  await expectEveryKeyScheduled(runId);
}, 120_000);

it('on SIGINT, exits 130 after scheduling deletion of every key the run created', async () => {
  const { child, done, runId } = await runUntilAKeyExists('/tmp/kmsct-interrupt');
  child.kill('SIGINT');
  const r = await done;
  expect(r.code, r.stdout + r.stderr).toBe(130);

  // The run had created a key when it was interrupted, and every key it made is pending deletion.
  await expectEveryKeyScheduled(runId);
  // Not every requirement ran: the run really was cut short, and it ended its own way (checks
  // finished, swept, results written), not by vitest's own exit on the signal.
  expect(r.stdout).toMatch(/interrupted/);
  expect(r.stdout).toContain('the run was interrupted: the results above are partial');
  expect(JSON.parse(readFileSync('/tmp/kmsct-interrupt/results.json', 'utf8')).run.interrupted).toBe(true);
}, 120_000);
