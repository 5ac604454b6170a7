/**
 * @module reference/protocol/aws-json
 * The awsJson1_1 edge (ground truth a.1): every request is `POST /` with
 * `X-Amz-Target: TrentService.<Operation>` and a JSON body. Order of checks: signature, target,
 * content type, JSON body, input validation against the model, then the operation.
 */
import { OPERATIONS, TARGET_PREFIX, type OperationName } from '../api/kms-api.generated.ts';
import type { ReferenceAccount } from '../accounts.ts';
import { KmsError } from '../errors.ts';
import type { OperationContext } from '../operations/context.ts';
import type { AnyDefinition } from '../operations/index.ts';
import { invoke } from '../operations/invoke.ts';
import { validateInput } from '../validation/validate.ts';
import { JSON_1_1, errorResponse, type WireResponse } from './error-response.ts';
import { toWire } from './serialize.ts';
import { verifySigV4, type VerifiedCaller } from './sigv4-verify.ts';

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

/** A request handler: what the node:http adapter and `fetch` call, and what wire-level wrappers wrap. */
export type WireHandler = (request: WireRequest) => Promise<WireResponse>;

export interface ProtocolDeps {
  accounts: readonly ReferenceAccount[];
  /** The regions served: a request signed for any other is refused. */
  regions: ReadonlySet<string>;
  now: () => Date;
  uuid: () => string;
  log: (msg: string) => void;
  /** The implemented operations by name (operations/index.ts). */
  operations: ReadonlyMap<OperationName, AnyDefinition>;
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
    const caller = await verifySigV4(req, deps.accounts, deps.now(), deps.regions);
    const operation = operationOf(req.headers['x-amz-target']);
    const definition = deps.operations.get(operation);
    if (!definition) throw new KmsError('UnknownOperationException', `Unknown operation ${req.headers['x-amz-target']}.`);
    const input = validateInput(parseBody(req), OPERATIONS[operation].input);
    const output = await invoke(definition, input, deps.context(caller), requestId);
    return {
      status: 200,
      headers: { 'content-type': JSON_1_1, 'x-amzn-requestid': requestId },
      // Operations without an output shape answer with an empty body.
      body: output === undefined ? '' : JSON.stringify(toWire(output)),
    };
  } catch (err) {
    return errorResponse(err, requestId, deps.log);
  }
}

/** The model operation an X-Amz-Target names; UnknownOperationException for anything else. */
function operationOf(target: string | undefined): OperationName {
  if (!target) throw new KmsError('UnknownOperationException', 'The request has no X-Amz-Target header.');
  const prefix = `${TARGET_PREFIX}.`;
  const op = target.startsWith(prefix) ? target.slice(prefix.length) : undefined;
  if (!op || !Object.hasOwn(OPERATIONS, op)) throw new KmsError('UnknownOperationException', `Unknown operation ${target}.`);
  return op as OperationName;
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
