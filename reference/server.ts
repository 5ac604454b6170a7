/**
 * @module reference/server
 * The node:http adapter: serves a ReferenceKms on a socket, on loopback unless told otherwise. It
 * stands between the reference and whatever a client sends: request targets URL parsing refuses,
 * duplicated headers that decide authentication, bodies above the cap (refused before they are
 * read), slow clients (timed out), malformed HTTP and CONNECT all get a 4xx awsJson answer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createReferenceKms, type ReferenceKms, type ReferenceOptions } from './index.ts';
import { KmsError } from './errors.ts';
import { errorResponse, type WireResponse } from './protocol/error-response.ts';
import type { WireRequest } from './protocol/aws-json.ts';

/** The largest request body served by default: KMS's largest input (an attestation document, base64) is far below. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** How long a client may take to send its request headers, and its whole request, by default. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface ServeOptions extends ReferenceOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Bodies larger than this are refused with 413, before they are read. */
  maxBodyBytes?: number;
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export interface RunningReference {
  /** `http://host:port` */
  readonly url: string;
  readonly port: number;
  readonly kms: ReferenceKms;
  close(): Promise<void>;
}

/** Headers whose duplicates would make authentication or parsing ambiguous: two copies are refused. */
const SINGLE_HEADERS: Readonly<Record<string, 'IncompleteSignatureException' | 'SerializationException'>> = {
  authorization: 'IncompleteSignatureException',
  'x-amz-date': 'IncompleteSignatureException',
  'x-amz-security-token': 'IncompleteSignatureException',
  'x-amz-content-sha256': 'IncompleteSignatureException',
  host: 'IncompleteSignatureException',
  'content-type': 'SerializationException',
  'x-amz-target': 'SerializationException',
};

class Refused extends Error {
  constructor(readonly error: KmsError, readonly closeConnection = false) {
    super(error.message);
  }
}

/** The request's headers, lower-case, in an object without a prototype (a header named `constructor` is just a header). */
function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (!values) continue;
    const rule = SINGLE_HEADERS[name];
    if (rule && values.length > 1) throw new Refused(new KmsError(rule, `The request has ${values.length} ${name} headers; it must have one.`));
    out[name] = values.join(',');
  }
  return out;
}

/** Path and query of the request target; a target URL parsing refuses is answered, not thrown. */
function targetOf(req: IncomingMessage): { path: string; query: Record<string, string> } {
  const raw = req.url ?? '/';
  let url: URL;
  try {
    url = new URL(raw.startsWith('/') && !raw.startsWith('//') ? raw : '/!', 'http://reference.invalid');
  } catch {
    url = new URL('http://reference.invalid/!');
  }
  if (url.pathname === '/!') throw new Refused(new KmsError('UnknownOperationException', 'The request target must be an origin-form path; only POST / is served.'));
  const query: Record<string, string> = Object.create(null);
  for (const [k, v] of url.searchParams) query[k] = v;
  return { path: url.pathname, query };
}

/** The body, up to `max` bytes; a longer one (declared or sent) is refused without keeping it. */
async function bodyOf(req: IncomingMessage, max: number): Promise<Buffer> {
  const tooLarge = () => new Refused(new KmsError('RequestEntityTooLargeException', `The request body is larger than ${max} bytes.`), true);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > max) throw tooLarge();
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, out: WireResponse, now: () => Date, close: boolean): void {
  // The Date header follows the injected clock: SDKs correct their clock skew from it.
  res.writeHead(out.status, { ...out.headers, date: now().toUTCString(), 'content-length': Buffer.byteLength(out.body), ...(close && { connection: 'close' }) });
  res.end(out.body);
}

/** A raw HTTP/1.1 error answer for a socket that never became a request (malformed, CONNECT, timed out). */
function rawAnswer(socket: Socket, status: number, reason: string, error: KmsError): void {
  if (!socket.writable) return void socket.destroy();
  const out = errorResponse(error, 'none', () => {});
  socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: ${out.headers['content-type']}\r\ncontent-length: ${Buffer.byteLength(out.body)}\r\nconnection: close\r\n\r\n${out.body}`);
}

/** Starts the reference endpoint and resolves once it is listening. */
export async function startReferenceServer(options: ServeOptions = {}): Promise<RunningReference> {
  const kms = createReferenceKms(options);
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? (() => new Date());
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  // Node enforces the two timeouts only when it checks its connections (every 30 s by default).
  const server: Server = createServer({ connectionsCheckingInterval: Math.min(1_000, headersTimeout) }, (req, res) => {
    void (async () => {
      try {
        const headers = headersOf(req);
        const { path, query } = targetOf(req);
        const body = await bodyOf(req, maxBody);
        const out = await kms.handle({ method: req.method ?? 'GET', hostname: (headers.host ?? '').replace(/:\d+$/, ''), path, query, headers, body } satisfies WireRequest);
        send(res, out, now, false);
      } catch (e) {
        if (!(e instanceof Refused)) throw e;
        send(res, errorResponse(e.error, 'none', () => {}), now, e.closeConnection);
        // A refused body is not read to its end: the connection cannot carry another request.
        if (e.closeConnection) res.once('finish', () => req.socket?.destroy());
      }
    })().catch(() => {
      // Only the connection can have failed here (a client gone mid-request): nothing to answer.
      res.destroy();
    });
  });
  // Longer than any pause a client makes between two requests on one connection (a check waiting
  // for a replica, a loaded machine): a client that reuses a connection just as the server closes
  // it gets ECONNRESET, and checks send each request once. Node's own default is 5 s; AWS's load
  // balancers keep idle connections 60 s. close() still ends idle connections at once.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = headersTimeout;
  server.requestTimeout = Math.max(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, headersTimeout);
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    const timedOut = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    rawAnswer(socket, timedOut ? 408 : 400, timedOut ? 'Request Timeout' : 'Bad Request', new KmsError('SerializationException', timedOut ? 'The request was not received in time.' : 'The request is not well-formed HTTP.'));
  });
  server.on('connect', (_req: IncomingMessage, socket: Socket) => {
    rawAnswer(socket, 405, 'Method Not Allowed', new KmsError('UnknownOperationException', 'Only POST / is served; CONNECT is not.'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    kms,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
