/**
 * Throttling, and only throttling, is retried, through the SDK's retry hooks; every attempt is in the
 * evidence. A scripted stub endpoint answers each request with the next answer of its script.
 */
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetConfig } from '../config/target-config.ts';
import { EvidenceRecorder, setCurrentRecorder } from '../evidence/recorder.ts';
import { SecretList } from '../evidence/redact.ts';
import { startStubEndpoint, type StubEndpoint } from '../test-support/stub-endpoint.ts';
import { createKmsClient } from './sdk-client.ts';
import { isThrottle, ThrottleOnlyRetryStrategy } from './throttle-retry.ts';
import { withKindDefaults } from '../config/resolve-target.ts';

type Answer = [status: number, type?: string];
let script: Answer[] = [];
let stub: StubEndpoint;
let url: string;

beforeAll(async () => {
  stub = await startStubEndpoint(() => {
    const [status, type] = script.shift() ?? [200];
    return { status, body: type ? { __type: type, message: type } : { KeyMetadata: { KeyId: 'k', KeyState: 'Enabled' } } };
  });
  url = stub.url;
});
afterAll(() => stub.close());

function awsTarget(): TargetConfig {
  // kind aws with an explicit endpoint, as the session makes it; rates high so the test is quick.
  const t = withKindDefaults({ name: 'aws', kind: 'aws', region: 'us-east-1', principals: { primary: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret-test' } },
    rateLimits: { read: 1000, write: 1000, crypto: 1000, importParameters: 1000 } });
  return { ...t, endpoint: url };
}

async function describeWith(answers: Answer[]) {
  script = [...answers];
  stub.reset();
  const recorder = new EvidenceRecorder(new SecretList());
  setCurrentRecorder(recorder);
  const client = createKmsClient(awsTarget(), 'primary');
  try {
    const out = await client.send(new DescribeKeyCommand({ KeyId: 'alias/x' })).then((o) => ({ ok: o.$metadata.attempts }), (e: Error) => ({ error: e.name }));
    return { ...out, requests: stub.requests, recorded: recorder.all().map((e) => e.response?.status) };
  } finally {
    setCurrentRecorder(undefined);
    client.destroy();
  }
}

describe('against an aws target', () => {
  it('retries a ThrottlingException and records both attempts', async () => {
    expect(await describeWith([[400, 'ThrottlingException'], [200]])).toEqual({ ok: 2, requests: 2, recorded: [400, 200] });
  });

  it('retries HTTP 429', async () => {
    expect(await describeWith([[429, 'TooManyRequestsException'], [200]])).toMatchObject({ ok: 2, requests: 2 });
  });

  it('gives up after a bounded number of attempts', async () => {
    const four = Array.from({ length: 6 }, (): Answer => [400, 'ThrottlingException']);
    expect(await describeWith(four)).toEqual({ error: 'ThrottlingException', requests: 4, recorded: [400, 400, 400, 400] });
  });

  it.each([
    ['LimitExceededException (a resource quota, not a throttle)', [400, 'LimitExceededException']],
    ['KMSInternalException', [500, 'KMSInternalException']],
    ['NotFoundException', [400, 'NotFoundException']],
  ] as [string, Answer][])('does not retry %s', async (_, answer) => {
    expect(await describeWith([answer, [200]])).toEqual({ error: answer[1], requests: 1, recorded: [answer[0]] });
  });
});

describe('ThrottleOnlyRetryStrategy', () => {
  it('backs off within an exponentially growing, capped ceiling', async () => {
    const s = new ThrottleOnlyRetryStrategy({ maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 });
    const throttle = { errorType: 'THROTTLING' as const, error: Object.assign(new Error(), { name: 'ThrottlingException', $metadata: {} }) as never };
    let token = await s.acquireInitialRetryToken();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) delays.push((token = await s.refreshRetryTokenForRetry(token, throttle)).getRetryDelay());
    expect(delays).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('knows a throttle by its code or HTTP 429 only', () => {
    expect(isThrottle({ name: 'ThrottlingException' })).toBe(true);
    expect(isThrottle({ name: 'Whatever', $metadata: { httpStatusCode: 429 } })).toBe(true);
    expect(isThrottle({ name: 'LimitExceededException', $metadata: { httpStatusCode: 400 } })).toBe(false);
  });
});
