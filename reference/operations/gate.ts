/**
 * @module reference/operations/gate
 * The single gate every key-taking operation goes through, built from the operation's KeyPolicy:
 * resolve the identifier the way AWS does (REQ-K1…K7), settle what time has done to the key, then
 * apply the policy's origins and key-state table.
 */
import { kmsError, messages } from '../errors.ts';
import { aliasArn, isWellFormedKeyId, keyArn, parseArn } from '../model/arn.ts';
import type { KmsKey } from '../model/key.ts';
import { settle } from '../model/material-lifecycle.ts';
import type { OperationContext } from './context.ts';
import type { KeyGate, KeyPolicy } from './define.ts';
import { refusalError } from './key-states.ts';
import { authorize } from '../policy/authorize.ts';

/** Operations IAM alone authorises: their KeyId only filters, no key policy is consulted. */
const IAM_ONLY: ReadonlySet<string> = new Set(['ListAliases']);

/** What the gate needs to authorise: the operation and its request. */
export interface GateCall {
  operation: string;
  input: Record<string, unknown>;
}

/** The gate of one call: `ctx`'s caller, `policy`'s rules, `call`'s operation for authorisation. */
export function keyGate(ctx: OperationContext, policy: KeyPolicy, call?: GateCall): KeyGate {
  const resolve = (id: string) => resolveKey(ctx, id, policy);
  const used: KmsKey[] = [];
  return {
    resolve,
    used: () => used,
    require(id, use = {}) {
      const key = resolve(id);
      // The key policy and grants decide before anything about the key is told (key-management §2, §3, §9).
      if (call && !IAM_ONLY.has(call.operation)) {
        requireKnownGrantTokens(ctx, call.input.GrantTokens);
        authorize({ accountId: ctx.accountId, partition: ctx.partition }, key, {
          action: use.action ?? call.operation,
          input: call.input,
          ...(use.encryptionContext && { encryptionContext: use.encryptionContext }),
        });
      }
      if (policy.origins && !policy.origins.includes(key.origin)) {
        throw kmsError('UnsupportedOperationException', messages.originNotValid(key.arn, key.origin));
      }
      const rule = policy.states[key.state];
      if (rule !== 'allow') throw refusalError(rule, key.arn);
      if (!used.includes(key)) used.push(key);
      return key;
    },
  };
}

/**
 * Grant tokens must be ones CreateGrant handed out for a grant that still exists; AWS's text for
 * another is not known (crypto ground truth §2.0).
 */
function requireKnownGrantTokens(ctx: OperationContext, tokens: unknown): void {
  if (!Array.isArray(tokens)) return;
  for (const t of tokens) {
    if (typeof t !== 'string' || !ctx.store.grantTokens.has(t)) throw kmsError('InvalidGrantTokenException', 'The specified grant token is not valid.');
  }
}

/** Finds the key an identifier names, or throws the NotFoundException AWS answers with. */
function resolveKey(ctx: OperationContext, input: string, policy: KeyPolicy): KmsKey {
  const arn = parseArn(input);
  let account = ctx.accountId;
  let id = input;
  if (arn) {
    if (arn.partition !== ctx.partition) throw kmsError('NotFoundException', messages.invalidKeyId(input));
    if (arn.region !== ctx.regionName) throw kmsError('NotFoundException', messages.invalidArnRegion(arn.region));
    if (arn.resource === 'alias' && !policy.aliases) throw kmsError('NotFoundException', messages.invalidKeyId(input));
    account = arn.account;
    id = arn.id;
  }
  if (id.startsWith('alias/')) {
    if (!policy.aliases) throw kmsError('NotFoundException', messages.invalidKeyId(input));
    const store = ctx.store.peek(account, ctx.regionName);
    const alias = store?.aliases.get(id);
    if (!alias || !store) throw kmsError('NotFoundException', `Alias ${aliasArn(ctx.partition, ctx.regionName, account, id)} is not found.`);
    const targetArn = keyArn(ctx.partition, ctx.regionName, account, alias.targetKeyId);
    // Another account's key by alias ARN: only for operations with cross-account use, as by key ARN.
    if (account !== ctx.accountId && !policy.crossAccount) throw kmsError('NotFoundException', messages.keyDoesNotExist(targetArn));
    return found(ctx, store.keys.get(alias.targetKeyId), targetArn);
  }
  if (!isWellFormedKeyId(id)) throw kmsError('NotFoundException', messages.invalidKeyId(input));
  const arnOfId = keyArn(ctx.partition, ctx.regionName, account, id);
  if (account !== ctx.accountId) {
    // Another account's key: an operation with cross-account use gets it, for the key policy and
    // grants to decide (authorize.ts); to any other operation it is not there. AWS's answer for
    // those is not known (ground truth REQ-X1, c.10#1); the reference never reveals whether it exists.
    const foreign = ctx.store.peek(account, ctx.regionName)?.keys.get(id);
    if (!policy.crossAccount || !foreign) throw kmsError('NotFoundException', messages.keyDoesNotExist(arnOfId));
    return found(ctx, foreign, arnOfId);
  }
  return found(ctx, ctx.region.keys.get(id), arnOfId);
}

function found(ctx: OperationContext, key: KmsKey | undefined, arn: string): KmsKey {
  const live = key && settle(ctx.store, key, ctx.now());
  if (!live) throw kmsError('NotFoundException', messages.keyDoesNotExist(arn));
  return live;
}

/** Settles every key of the caller's region store, so listings and name checks see time's effects. */
export function settleAll(ctx: OperationContext): void {
  for (const key of [...ctx.region.keys.values()]) settle(ctx.store, key, ctx.now());
}
