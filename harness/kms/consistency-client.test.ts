/**
 * Set-up reads wait out stale answers only where the target is eventually consistent (aws): a stub
 * endpoint answers DescribeKey with a scripted sequence of states.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createKmsClient } from '../clients/sdk-client.ts';
import type { TargetConfig } from '../config/target-config.ts';
import { startStubEndpoint, type StubEndpoint } from '../test-support/stub-endpoint.ts';
import { describeKey } from './keys.ts';
import { withKindDefaults } from '../config/resolve-target.ts';

let states: string[] = [];
let stub: StubEndpoint;
let url: string;

beforeAll(async () => {
  stub = await startStubEndpoint(() => ({ status: 200, body: { KeyMetadata: { KeyId: 'k', KeyState: states.shift() ?? 'Enabled' } } }));
  url = stub.url;
});
afterAll(() => stub.close());

const target = (kind: 'aws' | 'endpoint'): TargetConfig => ({
  ...withKindDefaults({ name: kind, kind, region: 'us-east-1', principals: { primary: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret-test' } },
    rateLimits: { read: 1000, write: 1000, crypto: 1000, importParameters: 1000 } }),
  endpoint: url,
});

it('against aws, polls until the state has settled', async () => {
  states = ['Enabled', 'Enabled', 'PendingDeletion'];
  stub.reset();
  const c = createKmsClient(target('aws'), 'primary');
  expect((await describeKey(c, 'k', { settledIn: ['PendingDeletion'] })).KeyState).toBe('PendingDeletion');
  expect(stub.requests).toBe(3);
  c.destroy();
});

it('elsewhere, reads once: a stale read is a finding', async () => {
  states = ['Enabled', 'PendingDeletion'];
  stub.reset();
  const c = createKmsClient(target('endpoint'), 'primary');
  expect((await describeKey(c, 'k', { settledIn: ['PendingDeletion'] })).KeyState).toBe('Enabled');
  expect(stub.requests).toBe(1);
  c.destroy();
});
