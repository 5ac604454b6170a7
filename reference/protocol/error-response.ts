/**
 * @module reference/protocol/error-response
 * The single place where errors become awsJson1_1 responses: `{"__type": "<ShapeName>", "message": "…"}`
 * with the bare shape name (REQ-P2), a lower-case `message` (REQ-P3), and no message at all for the
 * errors AWS sends without one (REQ-P5). Anything that is not a KmsError becomes a 500
 * KMSInternalException; its details are logged, never sent.
 */
import { KmsError } from '../errors.ts';
import { HOSTILE_MARKUP, type FaultName } from '../faults.ts';

/** The Smithy model's status codes, used only by the 'wrong-status-code' fault. */
const SMITHY_STATUS: Record<string, number> = { NotFoundException: 404, KMSInvalidStateException: 409, DisabledException: 409, DryRunOperationException: 412 };

export const JSON_1_1 = 'application/x-amz-json-1.1';

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function errorResponse(err: unknown, requestId: string, log: (msg: string) => void, faults: ReadonlySet<FaultName> = new Set()): WireResponse {
  const e = err instanceof KmsError ? err : internal(err, log);
  const name = faults.has('wrong-error-code') && e.name === 'NotFoundException' ? 'ResourceNotFoundException' : e.name;
  const status = faults.has('wrong-status-code') ? (SMITHY_STATUS[e.name] ?? e.status) : e.status;
  const body: Record<string, string> = { __type: name };
  if (e.wireMessage !== undefined) body.message = e.wireMessage;
  if (faults.has('hostile-messages')) body.message = `${HOSTILE_MARKUP} ${body.message ?? ''}`.trimEnd();
  return {
    status,
    headers: { 'content-type': JSON_1_1, 'x-amzn-requestid': requestId },
    body: JSON.stringify(body),
  };
}

function internal(err: unknown, log: (msg: string) => void): KmsError {
  log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return new KmsError('KMSInternalException', 'The request was rejected because of an internal error.');
}
