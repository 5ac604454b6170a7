/**
 * @module reference/test-support/raw-http
 * HTTP the way a hostile or broken client sends it: raw bytes on a socket (request targets no URL
 * library would build, duplicated headers, a body that never ends), and the answer as it came.
 */
import { connect } from 'node:net';

export interface RawAnswer {
  /** 0 when the server closed the connection without an answer. */
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The parsed body, when it is JSON. */
  json?: { __type?: string; message?: string };
}

/** Parses the first HTTP/1.1 response in `text`. */
export function parseAnswer(text: string): RawAnswer {
  const split = text.indexOf('\r\n\r\n');
  if (!text.startsWith('HTTP/1.1 ') || split < 0) return { status: 0, headers: {}, body: text };
  const [statusLine, ...lines] = text.slice(0, split).split('\r\n');
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  const length = Number(headers['content-length'] ?? NaN);
  const body = Number.isNaN(length) ? text.slice(split + 4) : Buffer.from(text.slice(split + 4)).subarray(0, length).toString();
  let json: RawAnswer['json'];
  try {
    json = JSON.parse(body) as RawAnswer['json'];
  } catch {
    /* not JSON */
  }
  return { status: Number(statusLine!.split(' ')[1]), headers, body, ...(json && { json }) };
}

/**
 * Writes `bytes` to `url`'s host and port and returns the first answer, once the server has sent a
 * whole one or closed the connection. `keepOpen` leaves the socket open after writing (a client
 * that has not finished its request).
 */
export function rawExchange(url: string, bytes: string | Buffer, opts: { keepOpen?: boolean } = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(bytes);
      if (!opts.keepOpen) socket.end();
    });
    let got = '';
    const done = () => {
      socket.destroy();
      resolve(parseAnswer(got));
    };
    socket.on('data', (d) => {
      got += d.toString('latin1');
      const answer = parseAnswer(got);
      if (answer.status && Buffer.byteLength(answer.body) >= Number(answer.headers['content-length'] ?? Infinity)) done();
    });
    socket.on('end', done);
    socket.on('close', done);
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? done() : reject(e)));
  });
}

/** An HTTP/1.1 request as text: `head` lines (request line first), then the body. */
export function httpRequest(head: readonly string[], body = ''): string {
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}
