/**
 * @module reference/protocol/error-response
 * The single place where errors become awsJson1_1 responses: `{"__type": "<ShapeName>", "message": "…"}`
 * with the bare shape name (REQ-P2), a lower-case `message` (REQ-P3), and no message at all for the
 * errors AWS sends without one (REQ-P5). Anything that is not a KmsError becomes a 500
 * KMSInternalException; its details are logged, never sent.
 */
import { KmsError } from '../errors.ts';

export const JSON_1_1 = 'application/x-amz-json-1.1';

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function errorResponse(err: unknown, requestId: string, log: (msg: string) => void): WireResponse {
  const e = err instanceof KmsError ? err : internal(err, log);
  const body: Record<string, string> = { __type: e.name };
  if (e.wireMessage !== undefined) body.message = e.wireMessage;
  return {
    status: e.status,
    headers: { 'content-type': JSON_1_1, 'x-amzn-requestid': requestId },
    body: JSON.stringify(body),
  };
}

function internal(err: unknown, log: (msg: string) => void): KmsError {
  log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return new KmsError('KMSInternalException', 'The request was rejected because of an internal error.');
}
