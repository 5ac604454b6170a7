/**
 * Set-up reads wait out stale answers only where the target is eventually consistent (aws): a stub
 * endpoint answers DescribeKey with a scripted sequence of states.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createKmsClient } from '../clients/sdk-client.ts';
import type { TargetConfig } from '../config/target-config.ts';
import { describeKey } from './keys.ts';

let states: string[] = [];
let requests = 0;
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ KeyMetadata: { KeyId: 'k', KeyState: states.shift() ?? 'Enabled' } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const target = (kind: 'aws' | 'endpoint'): TargetConfig => ({ name: kind, kind, endpoint: url, region: 'us-east-1',
  principals: { primary: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret-test' } }, rateLimits: { read: 1000, write: 1000, crypto: 1000, importParameters: 1000 } });

it('against aws, polls until the state has settled', async () => {
  states = ['Enabled', 'Enabled', 'PendingDeletion'];
  requests = 0;
  const c = createKmsClient(target('aws'), 'primary');
  expect((await describeKey(c, 'k', { settledIn: ['PendingDeletion'] })).KeyState).toBe('PendingDeletion');
  expect(requests).toBe(3);
  c.destroy();
});

it('elsewhere, reads once: a stale read is a finding', async () => {
  states = ['Enabled', 'PendingDeletion'];
  requests = 0;
  const c = createKmsClient(target('endpoint'), 'primary');
  expect((await describeKey(c, 'k', { settledIn: ['PendingDeletion'] })).KeyState).toBe('Enabled');
  expect(requests).toBe(1);
  c.destroy();
});
