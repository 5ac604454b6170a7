/**
 * The reference as a hostile or careless client meets it on its socket: every one of these gets a
 * 4xx awsJson answer (or a timeout answer), never a 500, a bare close or a hang; and the server goes
 * on answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type RunningReference } from './server.ts';
import { httpRequest, rawExchange, type RawAnswer } from './test-support/raw-http.ts';
import { signRequest } from './test-support/signed-request.ts';

let ref: RunningReference;
let host: string;
beforeAll(async () => {
  ref = await startReferenceServer({ port: 0, log: () => {}, maxBodyBytes: 64 * 1024, headersTimeoutMs: 300, requestTimeoutMs: 600 });
  host = new URL(ref.url).host;
});
afterAll(() => ref.close());

/** A 4xx with the awsJson envelope. */
function expectEnvelope(a: RawAnswer, status: number, type: string): void {
  expect(a.status, a.body).toBe(status);
  expect(a.headers['content-type']).toBe('application/x-amz-json-1.1');
  expect(a.json?.__type).toBe(type);
  expect(typeof a.json?.message).toBe('string');
}

/** A signed ListKeys, as header lines and body, to take apart. */
async function signedListKeys(): Promise<{ headers: Record<string, string>; body: string }> {
  const { init } = await signRequest({ url: ref.url, operation: 'ListKeys', body: {}, signingDate: new Date() });
  return { headers: init.headers, body: init.body };
}

function lines(headers: Record<string, string>, body: string, requestLine = 'POST / HTTP/1.1'): string {
  return httpRequest([requestLine, ...Object.entries({ ...headers, 'content-length': String(Buffer.byteLength(body)) }).map(([k, v]) => `${k}: ${v}`)], body);
}

describe('SignedHeaders naming what is not a header', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty'])('host;%s is an IncompleteSignatureException, not a 500', async (name) => {
    const { headers, body } = await signedListKeys();
    headers.authorization = headers.authorization!.replace(/SignedHeaders=([^,]+)/, `SignedHeaders=host;${name}`);
    expectEnvelope(await rawExchange(ref.url, lines(headers, body)), 400, 'IncompleteSignatureException');
  });

  it('a valid signature with ;__proto__ appended is refused, not served', async () => {
    const { headers, body } = await signedListKeys();
    headers.authorization = headers.authorization!.replace(/SignedHeaders=([^,]+)/, 'SignedHeaders=$1;__proto__');
    expectEnvelope(await rawExchange(ref.url, lines(headers, body)), 400, 'IncompleteSignatureException');
  });
});

describe('request targets no URL parser accepts', () => {
  it.each(['//', 'http://[', 'http://%zz/', 'http://user:pass@host:99999/', '*'])('%s: a 4xx envelope, not a bare 500', async (target) => {
    const { headers, body } = await signedListKeys();
    const a = await rawExchange(ref.url, lines(headers, body, `POST ${target} HTTP/1.1`));
    expect(a.status).toBeGreaterThanOrEqual(400);
    expect(a.status).toBeLessThan(500);
    expect(a.json?.__type, a.body).toBeDefined();
  });
});

describe('bodies above the cap', () => {
  it('a declared Content-Length above the cap is answered 413 before the body is sent', async () => {
    const { headers } = await signedListKeys();
    const head = httpRequest(['POST / HTTP/1.1', ...Object.entries({ ...headers, 'content-length': String(256 * 1024 * 1024) }).map(([k, v]) => `${k}: ${v}`)]);
    // The body never comes: the answer must not wait for it.
    expectEnvelope(await rawExchange(ref.url, head, { keepOpen: true }), 413, 'RequestEntityTooLargeException');
  });

  it('a chunked body growing past the cap is cut off with 413', async () => {
    const { headers } = await signedListKeys();
    const chunk = 'x'.repeat(16 * 1024);
    const chunks = Array.from({ length: 8 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const head = httpRequest(['POST / HTTP/1.1', `host: ${host}`, 'transfer-encoding: chunked', `authorization: ${headers.authorization}`, `x-amz-date: ${headers['x-amz-date']}`]);
    expectEnvelope(await rawExchange(ref.url, head + chunks, { keepOpen: true }), 413, 'RequestEntityTooLargeException');
  });
});

describe('slow clients', () => {
  it('headers that never end are answered 408 once the headers timeout passes', async () => {
    const a = await rawExchange(ref.url, 'POST / HTTP/1.1\r\nhost: x\r\n', { keepOpen: true });
    expectEnvelope(a, 408, 'SerializationException');
  });

  it('a body that never ends is answered 408 once the request timeout passes', async () => {
    const a = await rawExchange(ref.url, 'POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\n{"a":', { keepOpen: true });
    expectEnvelope(a, 408, 'SerializationException');
  });
});

describe('duplicated headers that decide authentication or parsing', () => {
  it.each([
    ['content-type', 'SerializationException'],
    ['authorization', 'IncompleteSignatureException'],
    ['x-amz-date', 'IncompleteSignatureException'],
  ])('two %s headers: 400 %s', async (name, type) => {
    const { headers, body } = await signedListKeys();
    const text = lines(headers, body).replace('\r\n\r\n', `\r\n${name}: ${headers[name] ?? 'x'}\r\n\r\n`);
    expectEnvelope(await rawExchange(ref.url, text), 400, type);
  });
});

describe('what is not a request at all', () => {
  it('CONNECT is answered 405', async () => {
    expectEnvelope(await rawExchange(ref.url, `CONNECT ${host} HTTP/1.1\r\nhost: ${host}\r\n\r\n`, { keepOpen: true }), 405, 'UnknownOperationException');
  });

  it('malformed HTTP is answered 400', async () => {
    expectEnvelope(await rawExchange(ref.url, 'NOT HTTP AT ALL\r\n\r\n'), 400, 'SerializationException');
  });

  it('the server still answers afterwards', async () => {
    const { headers, body } = await signedListKeys();
    const a = await rawExchange(ref.url, lines(headers, body));
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({ Truncated: false });
  });
});
