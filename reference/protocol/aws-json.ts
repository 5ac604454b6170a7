/**
 * @module reference/protocol/aws-json
 * The awsJson1_1 edge (ground truth a.1): every request is `POST /` with
 * `X-Amz-Target: TrentService.<Operation>` and a JSON body. Order of checks: signature, target,
 * content type, JSON body, input validation, then the operation.
 */
import { KmsError } from '../errors.ts';
import type { ReferenceAccount } from '../accounts.ts';
import type { FaultName } from '../faults.ts';
import { handlers, shapeOf } from '../operations/index.ts';
import type { OperationContext } from '../operations/context.ts';
import { validateInput } from '../validation/validate.ts';
import { JSON_1_1, errorResponse, type WireResponse } from './error-response.ts';
import { verifySigV4, type VerifiedCaller } from './sigv4-verify.ts';

const TARGET_PREFIX = 'TrentService.';

export interface WireRequest {
  method: string;
  /** Host name without port, as the client addressed it. */
  hostname: string;
  path: string;
  query: Record<string, string>;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface ProtocolDeps {
  accounts: readonly ReferenceAccount[];
  now: () => Date;
  uuid: () => string;
  log: (msg: string) => void;
  faults: ReadonlySet<FaultName>;
  /** Operations already answered once, for the 'throttle-first-request' fault. */
  throttledOnce?: Set<string>;
  /** Builds the operation context for a verified caller. */
  context: (caller: VerifiedCaller) => OperationContext;
}

/** Answers one request. Never throws. */
export async function handleWire(req: WireRequest, deps: ProtocolDeps): Promise<WireResponse> {
  const requestId = deps.uuid();
  try {
    if (req.method !== 'POST' || req.path !== '/') {
      throw new KmsError('UnknownOperationException', `Only POST / is served; got ${req.method} ${req.path}.`);
    }
    const caller = await verifySigV4(req, deps.accounts, deps.now(), { checkSignature: !deps.faults.has('no-signature-check') });
    const operation = operationOf(req.headers['x-amz-target'], deps.faults);
    if (deps.faults.has('throttle-first-request') && deps.throttledOnce && !deps.throttledOnce.has(operation)) {
      deps.throttledOnce.add(operation);
      throw new KmsError('ThrottlingException', 'Rate exceeded');
    }
    const input = parseBody(req);
    const decoded = validateInput(input, shapeOf(operation));
    const output = await handlers[operation]!(decoded, deps.context(caller));
    return {
      status: 200,
      headers: { 'content-type': JSON_1_1, 'x-amzn-requestid': requestId },
      // Operations without an output shape answer with an empty body.
      body: output === undefined ? '' : JSON.stringify(output),
    };
  } catch (err) {
    return errorResponse(err, requestId, deps.log, deps.faults);
  }
}

const IMPORT_OPERATIONS = new Set(['GetParametersForImport', 'ImportKeyMaterial', 'DeleteImportedKeyMaterial']);

function operationOf(target: string | undefined, faults: ReadonlySet<FaultName>): string {
  if (!target) throw new KmsError('UnknownOperationException', 'The request has no X-Amz-Target header.');
  const op = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
  const removed = op !== undefined && faults.has('no-import-operations') && IMPORT_OPERATIONS.has(op);
  if (!op || !Object.hasOwn(handlers, op) || removed) throw new KmsError('UnknownOperationException', `Unknown operation ${target}.`);
  return op;
}

function parseBody(req: WireRequest): Record<string, unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== JSON_1_1) {
    throw new KmsError('SerializationException', `Content-Type must be ${JSON_1_1}; got '${type || '(none)'}'.`);
  }
  const text = req.body.toString('utf8');
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KmsError('SerializationException', 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new KmsError('SerializationException', 'The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}
