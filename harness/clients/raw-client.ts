/**
 * @module harness/clients/raw-client
 * SigV4-signed HTTP requests the SDK will not send: missing members, wrong or missing headers,
 * bad or stale signatures, query-string signing. Signing is done by @smithy/signature-v4; the
 * options say what to change before or after signing. Every exchange is recorded as evidence.
 */
import { Sha256 } from '@smithy/core/checksum';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { PrincipalName, TargetConfig } from '../config/target-config.ts';
import { currentRecorder } from '../evidence/recorder.ts';
import { SafetyRefusal, type ResourceRegistry } from '../resources/registry.ts';
import { resolveCredentials } from './credentials.ts';
import { sharedRateLimiter } from './rate-limiter.ts';

export const JSON_1_1 = 'application/x-amz-json-1.1';

export interface RawRequest {
  /** The operation, used for X-Amz-Target unless `target` overrides it. */
  operation: string;
  /** The JSON body as an object, or exact text (for malformed bodies). */
  body?: Record<string, unknown> | string;
  /** X-Amz-Target value; `null` leaves the header out. Default `TrentService.<operation>`. */
  target?: string | null;
  /** Content-Type; `null` leaves it out. Default application/x-amz-json-1.1. */
  contentType?: string | null;
  /** Extra headers, signed with the rest. */
  headers?: Record<string, string>;
  /** Where the signature goes; 'none' sends the request unsigned. Default 'header'. */
  signing?: 'header' | 'query' | 'none';
  /** Signing time; default now. */
  signingDate?: Date;
  /** Signs with this secret instead of the principal's (a bad signature). */
  secretAccessKey?: string;
  /** Signs with this access key id instead of the principal's. */
  accessKeyId?: string;
  /** Leaves out the session token even when the principal has one. */
  omitSessionToken?: boolean;
  /** Region and service of the credential scope; default the target's region and `kms`. */
  signingRegion?: string;
  signingService?: string;
  /** Changes the signed request before it is sent (tamper with the body, drop a header, …). */
  afterSigning?: (req: HttpRequest) => void;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed body when it is JSON. */
  json?: Record<string, unknown>;
  /** The error code of an error response: `__type` sanitised as the awsJson spec says, or X-Amzn-ErrorType. */
  errorCode?: string;
}

/** The error code of a response, sanitised: text before ':' and after '#' (Smithy awsJson1_1). */
export function errorCodeOf(headers: Record<string, string>, json: Record<string, unknown> | undefined): string | undefined {
  const raw = (json?.__type ?? json?.code ?? headers['x-amzn-errortype']) as string | undefined;
  if (typeof raw !== 'string') return undefined;
  const beforeColon = raw.split(':')[0]!;
  return beforeColon.includes('#') ? beforeColon.slice(beforeColon.indexOf('#') + 1) : beforeColon;
}

export class RawKmsClient {
  /** The AWS SDK's own HTTP handler (node:http): any port works, and keep-alive connections are reused. */
  private readonly http = new NodeHttpHandler({ connectionTimeout: 5_000, requestTimeout: 30_000 });

  constructor(
    private readonly target: TargetConfig,
    private readonly principal: PrincipalName,
    private readonly registry?: ResourceRegistry,
  ) {}

  async send(r: RawRequest): Promise<RawResponse> {
    const url = new URL(this.target.endpoint ?? `https://kms.${this.target.region}.amazonaws.com`);
    const body = typeof r.body === 'string' ? r.body : JSON.stringify(r.body ?? {});
    this.guard(r, body);
    const headers: Record<string, string> = { host: url.host };
    if (r.contentType !== null) headers['content-type'] = r.contentType ?? JSON_1_1;
    if (r.target !== null) headers['x-amz-target'] = r.target ?? `TrentService.${r.operation}`;
    // The principal's own headers (moto's account selector), then the request's, which may override them.
    Object.assign(headers, this.target.principals[this.principal]?.headers, r.headers);
    let req = new HttpRequest({
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port && { port: Number(url.port) }),
      method: 'POST',
      path: url.pathname || '/',
      headers,
      body,
    });
    req = await this.sign(req, r);
    r.afterSigning?.(req);
    const limits = this.target.rateLimits;
    if (limits) await sharedRateLimiter(limits).acquire(r.operation);
    // The evidence names the operation the target was asked for: the X-Amz-Target sent, if any.
    const asked = r.target === null ? '(none)' : r.target === undefined ? r.operation : r.target.replace(/^TrentService\./, '');
    return this.transmit(req, asked);
  }

  /**
   * The safety gate sees what the target will see: the operation named by the X-Amz-Target header
   * (when it names one) and the body as JSON, even when the caller passed it as a string.
   */
  private guard(r: RawRequest, body: string): void {
    if (!this.registry) return;
    if (r.operation === 'CreateKey' || r.target === 'TrentService.CreateKey') {
      // Only the SDK client tags and registers what it creates; an untracked key could never be cleaned up.
      throw new SafetyRefusal('refusing CreateKey through the raw client: create keys with the SDK client, which tags and registers them');
    }
    const named = typeof r.target === 'string' && r.target.startsWith('TrentService.') ? r.target.slice('TrentService.'.length) : undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return; // not JSON: the target cannot read a key id out of it
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return;
    for (const op of new Set([r.operation, ...(named ? [named] : [])])) this.registry.assertMayMutate(op, parsed as Record<string, unknown>);
  }

  private async sign(req: HttpRequest, r: RawRequest): Promise<HttpRequest> {
    const signing = r.signing ?? 'header';
    if (signing === 'none') return req;
    const p = this.target.principals[this.principal];
    if (!p) throw new Error(`the target has no ${this.principal} principal`);
    const creds = await resolveCredentials(p);
    const signer = new SignatureV4({
      service: r.signingService ?? 'kms',
      region: r.signingRegion ?? this.target.region,
      sha256: Sha256,
      credentials: {
        accessKeyId: r.accessKeyId ?? creds.accessKeyId,
        secretAccessKey: r.secretAccessKey ?? creds.secretAccessKey,
        ...(creds.sessionToken && !r.omitSessionToken && { sessionToken: creds.sessionToken }),
      },
    });
    const opts = { signingDate: r.signingDate ?? new Date() };
    return (signing === 'query'
      ? await signer.presign(req, { ...opts, expiresIn: 300, unhoistableHeaders: new Set(Object.keys(req.headers)) })
      : await signer.sign(req, opts)) as HttpRequest;
  }

  private async transmit(req: HttpRequest, operation: string): Promise<RawResponse> {
    const startedAt = performance.timeOrigin + performance.now();
    const base = {
      operation,
      principal: this.principal,
      via: 'raw' as const,
      method: req.method,
      path: req.path,
      query: Object.fromEntries(Object.entries(req.query ?? {}).map(([k, v]) => [k, String(v)])),
      requestHeaders: { ...req.headers },
      requestBody: String(req.body ?? ''),
      startedAt,
    };
    const body = String(req.body ?? '');
    // Unsigned, as a browser or fetch would add it: the length of what is actually sent.
    const sent = new HttpRequest({ ...req, headers: { ...req.headers, 'content-length': String(Buffer.byteLength(body)) }, body });
    let status: number;
    let text: string;
    const headers: Record<string, string> = {};
    try {
      const { response } = await this.http.handle(sent);
      const chunks: Buffer[] = [];
      for await (const c of response.body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
      text = Buffer.concat(chunks).toString('utf8');
      status = response.statusCode;
      for (const [k, v] of Object.entries(response.headers)) if (v !== undefined) headers[k.toLowerCase()] = String(v);
    } catch (e) {
      currentRecorder()?.record({ ...base, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message, endedAt: performance.timeOrigin + performance.now() });
      throw e;
    }
    currentRecorder()?.record({ ...base, status, responseHeaders: headers, responseBody: text, endedAt: performance.timeOrigin + performance.now() });
    let json: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = text ? JSON.parse(text) : undefined;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
    } catch {
      /* not JSON: left undefined */
    }
    const errorCode = status >= 300 ? errorCodeOf(headers, json) : undefined;
    return { status, headers, text, ...(json && { json }), ...(errorCode && { errorCode }) };
  }
}

/** What a raw answer looked like, in a few fields: for `kms.observe` and the report. */
export function rawAnswer(res: RawResponse): { status: number; code: string | null; message: string | null; contentType?: string; body?: string } {
  const message = (res.json?.message ?? res.json?.Message ?? null) as string | null;
  return {
    status: res.status,
    code: res.errorCode ?? null,
    message,
    ...(res.headers['content-type'] && { contentType: res.headers['content-type'] }),
    ...(res.json === undefined && res.text && { body: res.text.slice(0, 300) }),
  };
}
