/**
 * @module harness/clients/recording-handler
 * Wraps the SDK's HTTP handler so that every attempt's request and response (body included) reach
 * the evidence recorder of the running test. The response body is read once and handed back to the
 * SDK as a fresh stream.
 */
import { Readable } from 'node:stream';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandler, HttpRequest, HttpResponse } from '@smithy/protocol-http';
import type { HttpHandlerOptions } from '@smithy/types';
import { currentRecorder } from '../evidence/recorder.ts';

function text(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return '';
}

function headerValues(h: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(h)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export class RecordingHandler implements HttpHandler<Record<string, never>> {
  private readonly inner = new NodeHttpHandler({ connectionTimeout: 5_000, requestTimeout: 60_000 });
  readonly metadata = this.inner.metadata;

  constructor(private readonly principal: string) {}

  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    const startedAt = performance.timeOrigin + performance.now();
    const base = {
      operation: String(request.headers['x-amz-target'] ?? '(none)').replace(/^TrentService\./, ''),
      principal: this.principal,
      via: 'sdk' as const,
      method: request.method,
      path: request.path,
      query: Object.fromEntries(Object.entries(request.query ?? {}).map(([k, v]) => [k, String(v)])),
      requestHeaders: { ...request.headers },
      requestBody: text(request.body),
      startedAt,
    };
    try {
      const { response } = await this.inner.handle(request, options);
      const chunks: Buffer[] = [];
      for await (const c of response.body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
      const buf = Buffer.concat(chunks);
      currentRecorder()?.record({
        ...base,
        status: response.statusCode,
        responseHeaders: headerValues(response.headers),
        responseBody: buf.toString('utf8'),
        endedAt: performance.timeOrigin + performance.now(),
      });
      response.body = Readable.from([buf]);
      return { response };
    } catch (e) {
      currentRecorder()?.record({ ...base, error: (e as Error).message, endedAt: performance.timeOrigin + performance.now() });
      throw e;
    }
  }

  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
  destroy(): void {
    this.inner.destroy();
  }
}
