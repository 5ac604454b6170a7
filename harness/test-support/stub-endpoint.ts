/**
 * @module harness/test-support/stub-endpoint
 * A loopback HTTP endpoint for client tests: each request (body read) is answered by `answer`,
 * which returns a status and a JSON body; the endpoint counts the requests it served.
 */
import { createServer } from 'node:http';

export interface StubEndpoint {
  url: string;
  /** Requests served since start or the last `reset()`. */
  readonly requests: number;
  reset(): void;
  close(): Promise<void>;
}

export async function startStubEndpoint(answer: () => { status: number; body: unknown }): Promise<StubEndpoint> {
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      const { status, body } = answer();
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    get requests() {
      return requests;
    },
    reset: () => {
      requests = 0;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
