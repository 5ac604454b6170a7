/**
 * @module reference/server
 * The node:http adapter: serves a ReferenceKms on a socket, on loopback unless told otherwise.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReferenceKms, type ReferenceKms, type ReferenceOptions } from './index.ts';

export interface ServeOptions extends ReferenceOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningReference {
  /** `http://host:port` */
  readonly url: string;
  readonly port: number;
  readonly kms: ReferenceKms;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Starts the reference endpoint and resolves once it is listening. */
export async function startReferenceServer(options: ServeOptions = {}): Promise<RunningReference> {
  const kms = createReferenceKms(options);
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://placeholder');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
      const out = await kms.handle({
        method: req.method ?? 'GET',
        hostname: (headers.host ?? '').replace(/:\d+$/, ''),
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers,
        body: await readBody(req),
      });
      // The Date header follows the injected clock: SDKs correct their clock skew from it.
      const date = (options.now ?? (() => new Date()))().toUTCString();
      res.writeHead(out.status, { ...out.headers, date, 'content-length': Buffer.byteLength(out.body) });
      res.end(out.body);
    })().catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });
  server.keepAliveTimeout = 5_000;
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
