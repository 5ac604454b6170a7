/**
 * @module harness/evidence/recorder
 * Evidence of a test: every request it made and every response it got, redacted. Clients write to
 * the recorder of the test that is running; the spec fixture attaches it to the test's result.
 */
import type { Exchange } from '../results/index.ts';
import { redactBody, redactHeaders, redactQuery, redactRequest, type SecretList } from './redact.ts';

export type { Exchange };

export interface RawExchange {
  operation: string;
  principal: string;
  via: 'sdk' | 'raw';
  method: string;
  path: string;
  query?: Record<string, string>;
  requestHeaders: Record<string, string | undefined>;
  requestBody: string;
  status?: number;
  responseHeaders?: Record<string, string | undefined>;
  responseBody?: string;
  error?: string;
  startedAt: number;
  endedAt: number;
}

export class EvidenceRecorder {
  private readonly exchanges: Exchange[] = [];

  constructor(private readonly secrets: SecretList) {}

  record(x: RawExchange): void {
    const scrub = (v: unknown) => JSON.parse(this.secrets.scrub(JSON.stringify(v))) as unknown;
    const request = redactRequest(x.requestHeaders, x.requestBody);
    const entry: Exchange = {
      operation: x.operation,
      principal: x.principal,
      via: x.via,
      request: {
        method: x.method,
        path: x.path,
        ...(x.query && Object.keys(x.query).length > 0 && { query: redactQuery(x.query) }),
        headers: request.headers,
        body: request.body,
      },
      ...(x.status !== undefined && {
        response: { status: x.status, headers: redactHeaders(x.responseHeaders ?? {}), body: redactBody(x.responseBody ?? '') },
      }),
      ...(x.error !== undefined && { error: x.error }),
      durationMs: Math.round(x.endedAt - x.startedAt),
      at: new Date(x.startedAt).toISOString(),
    };
    this.exchanges.push(scrub(entry) as Exchange);
  }

  /** Everything recorded so far, oldest first. */
  all(): readonly Exchange[] {
    return this.exchanges;
  }
}

/**
 * The recorder of the test running in this worker. Tests in one file run one after another, so a
 * single slot is enough; it is swapped by the spec fixture at the start and end of every test.
 */
let current: EvidenceRecorder | undefined;

export function setCurrentRecorder(r: EvidenceRecorder | undefined): void {
  current = r;
}

export function currentRecorder(): EvidenceRecorder | undefined {
  return current;
}
