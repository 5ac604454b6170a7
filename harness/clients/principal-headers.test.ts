/**
 * A principal's extra `headers` (moto's `x-moto-account-id`) go out on every request of that
 * principal, from the SDK client and the raw client, signed with the rest; the other principal's
 * requests do not carry them.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { ListKeysCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { endpointTarget } from '../test-support/reference-target.ts';
import { RawKmsClient } from './raw-client.ts';
import { createKmsClient } from './sdk-client.ts';

let server: Server;
let url: string;
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end('{"Keys":[]}'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function target() {
  return endpointTarget(url, {
    principals: {
      primary: { accessKeyId: 'AKIAHEADERSPRIMARY01', secretAccessKey: 'headers-primary-secret', headers: { 'x-moto-account-id': '123456789012' } },
      secondary: { accessKeyId: 'AKIAHEADERSSECOND002', secretAccessKey: 'headers-second-secret' },
    },
  });
}

it('the SDK client sends and signs the principal\'s headers', async () => {
  seen.length = 0;
  const t = target();
  await createKmsClient(t, 'primary').send(new ListKeysCommand({}));
  await createKmsClient(t, 'secondary').send(new ListKeysCommand({}));
  expect(seen[0]!['x-moto-account-id']).toBe('123456789012');
  expect(seen[0]!.authorization).toMatch(/SignedHeaders=[^,]*x-moto-account-id/);
  expect(seen[1]!['x-moto-account-id']).toBeUndefined();
});

it('the raw client sends and signs them too, and a request may override them', async () => {
  seen.length = 0;
  const raw = new RawKmsClient(target(), 'primary');
  await raw.send({ operation: 'ListKeys' });
  await raw.send({ operation: 'ListKeys', headers: { 'x-moto-account-id': '999999999999' } });
  expect(seen[0]!['x-moto-account-id']).toBe('123456789012');
  expect(seen[0]!.authorization).toMatch(/SignedHeaders=[^,]*x-moto-account-id/);
  expect(seen[1]!['x-moto-account-id']).toBe('999999999999');
});
