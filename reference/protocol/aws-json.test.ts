/**
 * The awsJson1_1 edge, in process through `fetch(Request)`: operation dispatch by X-Amz-Target,
 * the content type, JSON deserialisation, and the shape of success and error bodies (ground truth
 * a.1, REQ-P1…P5).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ACCOUNTS } from '../accounts.ts';
import { createReferenceKms, type ReferenceKms } from '../index.ts';
import { TestClock } from '../test-support/clock.ts';
import { readAnswer, signRequest, unsignedRequest, type JsonAnswer, type RawCall } from '../test-support/signed-request.ts';
import { implementedOperations } from '../operations/index.ts';
import { handleWire } from './aws-json.ts';

const clock = new TestClock();
const URL_BASE = 'http://kms.test';
let kms: ReferenceKms;

beforeAll(() => {
  kms = createReferenceKms({ now: clock.now, log: () => undefined });
});

async function call(over: Partial<RawCall> & Pick<RawCall, 'operation'>): Promise<JsonAnswer> {
  const { url, init } = await signRequest({ url: URL_BASE, body: {}, signingDate: clock.now(), ...over });
  return readAnswer(await kms.fetch(new Request(url, init)));
}

function expectError(answer: JsonAnswer, type: string): void {
  expect(answer.status).toBe(400);
  expect(answer.contentType).toBe('application/x-amz-json-1.1');
  expect(answer.body?.__type).toBe(type);
}

async function createKeyId(): Promise<string> {
  const created = await call({ operation: 'CreateKey' });
  expect(created.status).toBe(200);
  return (created.body!.KeyMetadata as { KeyId: string }).KeyId;
}

describe('operation dispatch', () => {
  it('no X-Amz-Target: UnknownOperationException', async () => {
    expectError(await call({ operation: null }), 'UnknownOperationException');
  });

  it('TrentService.Nope: UnknownOperationException', async () => {
    expectError(await call({ operation: 'Nope' }), 'UnknownOperationException');
  });

  it('a known operation under another prefix: UnknownOperationException', async () => {
    expectError(await call({ operation: 'ListKeys', target: 'KMS.ListKeys' }), 'UnknownOperationException');
  });

  it('an inherited property name is not an operation: UnknownOperationException', async () => {
    expectError(await call({ operation: 'toString' }), 'UnknownOperationException');
  });

  it('authentication comes first: an unsigned request to an unknown operation is MissingAuthenticationTokenException', async () => {
    const { url, init } = unsignedRequest({ url: URL_BASE, operation: 'Nope' });
    expectError(await readAnswer(await kms.fetch(new Request(url, init))), 'MissingAuthenticationTokenException');
  });
});

describe('request body', () => {
  it('Content-Type application/json: SerializationException', async () => {
    expectError(await call({ operation: 'ListKeys', contentType: 'application/json' }), 'SerializationException');
  });

  it('Content-Type with a charset parameter is accepted', async () => {
    const answer = await call({ operation: 'ListKeys', contentType: 'application/x-amz-json-1.1; charset=utf-8' });
    expect(answer.status).toBe(200);
  });

  it('malformed JSON: SerializationException', async () => {
    expectError(await call({ operation: 'ListKeys', body: '{"Limit": ' }), 'SerializationException');
  });

  it('a JSON array instead of an object: SerializationException', async () => {
    expectError(await call({ operation: 'ListKeys', body: '[]' }), 'SerializationException');
  });

  it('a member of the wrong JSON type (KeyId: 5): SerializationException, not ValidationException', async () => {
    expectError(await call({ operation: 'DescribeKey', body: { KeyId: 5 } }), 'SerializationException');
  });

  it('an empty body is an empty input', async () => {
    const answer = await call({ operation: 'ListKeys', body: '' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ Keys: expect.any(Array) });
  });

  it('a constraint violation on the wire: ValidationException with the recorded wording', async () => {
    const answer = await call({ operation: 'DescribeKey', body: { KeyId: '' } });
    expectError(answer, 'ValidationException');
    expect(answer.body?.message).toBe(
      "1 validation error detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });
});

describe('response bodies', () => {
  it('an error body is exactly {"__type", "message"} with the bare shape name', async () => {
    const answer = await call({ operation: 'DescribeKey', body: { KeyId: 'not-a-key' } });
    expectError(answer, 'NotFoundException');
    expect(answer.body).toEqual({ __type: 'NotFoundException', message: "Invalid keyId 'not-a-key'" });
  });

  it('InvalidCiphertextException carries no message key', async () => {
    const answer = await call({ operation: 'Decrypt', body: { CiphertextBlob: Buffer.from('not a ciphertext').toString('base64') } });
    expectError(answer, 'InvalidCiphertextException');
    expect(answer.body).toEqual({ __type: 'InvalidCiphertextException' });
  });

  it('EnableKey succeeds with status 200 and an empty body', async () => {
    const keyId = await createKeyId();
    const answer = await call({ operation: 'EnableKey', body: { KeyId: keyId } });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
  });

  it('a success body is JSON with the awsJson content type and timestamps as epoch seconds', async () => {
    const keyId = await createKeyId();
    const answer = await call({ operation: 'DescribeKey', body: { KeyId: keyId } });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('application/x-amz-json-1.1');
    expect((answer.body!.KeyMetadata as { CreationDate: unknown }).CreationDate).toBe(clock.now().getTime() / 1000);
  });
});

describe('unexpected failures', () => {
  it('a non-KmsError thrown while handling a request: 500 KMSInternalException, details only in the log', async () => {
    const log = vi.fn();
    const deps = {
      accounts: DEFAULT_ACCOUNTS,
      now: clock.now,
      uuid: () => 'request-id-1',
      log,
      regions: new Set(['us-east-1']),
      operations: implementedOperations(),
      context: () => {
        throw new TypeError('store exploded at /var/lib/kms/secret.db');
      },
    };
    const { init } = await signRequest({ url: URL_BASE, operation: 'ListKeys', body: {}, signingDate: clock.now() });
    const out = await handleWire(
      { method: 'POST', hostname: 'kms.test', path: '/', query: {}, headers: init.headers, body: Buffer.from(init.body) },
      deps,
    );
    expect(out.status).toBe(500);
    expect(out.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(out.headers['x-amzn-requestid']).toBe('request-id-1');
    expect(JSON.parse(out.body)).toEqual({ __type: 'KMSInternalException', message: 'The request was rejected because of an internal error.' });
    expect(out.body).not.toContain('secret.db');
    expect(String(log.mock.calls[0]?.[0])).toContain('store exploded');
  });
});
