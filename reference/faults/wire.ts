/**
 * @module reference/faults/wire
 * Faults that wrap the request handler: they change what goes in (a signature made right, a request
 * answered before it arrives) or what comes out (error codes, statuses, messages), the way a
 * deviating emulator's protocol layer would. The faithful handler inside never knows.
 */
import type { ReferenceAccount } from '../accounts.ts';
import { KmsError } from '../errors.ts';
import { errorResponse, type WireResponse } from '../protocol/error-response.ts';
import type { WireHandler, WireRequest } from '../protocol/aws-json.ts';
import { rightSignature } from '../protocol/sigv4-verify.ts';
import { HOSTILE_MARKUP, type FaultName } from './catalogue.ts';

export interface WireFaultEnv {
  accounts: readonly ReferenceAccount[];
  uuid: () => string;
  log: (msg: string) => void;
}

type WireFault = (inner: WireHandler, env: WireFaultEnv) => WireHandler;

/** The error answers of a protocol that is asked for the wrong thing. */
function answer(env: WireFaultEnv, error: KmsError): WireResponse {
  return errorResponse(error, env.uuid(), env.log);
}

/** Rewrites the JSON error body of a response; other responses pass unchanged. */
function rewriteError(response: WireResponse, change: (body: { __type: string; message?: string }, status: number) => number): WireResponse {
  if (response.status < 400 || !response.body) return response;
  const body = JSON.parse(response.body) as { __type: string; message?: string };
  const status = change(body, response.status);
  return { ...response, status, body: JSON.stringify(body) };
}

const operationOf = (req: WireRequest) => (req.headers['x-amz-target'] ?? '').replace(/^TrentService\./, '');

/** The Smithy model's status codes, which AWS itself does not answer with (REQ-P4). */
const SMITHY_STATUS: Readonly<Record<string, number>> = { NotFoundException: 404, KMSInvalidStateException: 409, DisabledException: 409, DryRunOperationException: 412 };
const IMPORT_OPERATIONS = new Set(['GetParametersForImport', 'ImportKeyMaterial', 'DeleteImportedKeyMaterial']);

export const WIRE_FAULTS: Partial<Record<FaultName, WireFault>> = {
  'wrong-error-code': (inner) => async (req) =>
    rewriteError(await inner(req), (body, status) => {
      if (body.__type === 'NotFoundException') body.__type = 'ResourceNotFoundException';
      return status;
    }),
  'wrong-status-code': (inner) => async (req) => rewriteError(await inner(req), (body, status) => SMITHY_STATUS[body.__type] ?? status),
  'hostile-messages': (inner) => async (req) =>
    rewriteError(await inner(req), (body, status) => {
      body.message = `${HOSTILE_MARKUP} ${body.message ?? ''}`.trimEnd();
      return status;
    }),
  'throttle-first-request': (inner, env) => {
    const seen = new Set<string>();
    return async (req) => {
      const op = operationOf(req);
      if (op && !seen.has(op) && req.headers.authorization !== undefined) {
        seen.add(op);
        return answer(env, new KmsError('ThrottlingException', 'Rate exceeded'));
      }
      return inner(req);
    };
  },
  'no-import-operations': (inner, env) => async (req) =>
    IMPORT_OPERATIONS.has(operationOf(req)) ? answer(env, new KmsError('UnknownOperationException', `Unknown operation ${req.headers['x-amz-target']}.`)) : inner(req),
  // Signs the request again with the right secret, so a client holding a wrong one gets through.
  'no-signature-check': (inner, env) => async (req) => {
    const right = await rightSignature(req, env.accounts);
    if (!right) return inner(req);
    if (right.in === 'query') return inner({ ...req, query: { ...req.query, 'X-Amz-Signature': right.signature } });
    const authorization = (req.headers.authorization ?? '').replace(/Signature=[0-9a-fA-F]*/, `Signature=${right.signature}`);
    return inner({ ...req, headers: { ...req.headers, authorization } });
  },
};
