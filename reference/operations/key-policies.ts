/**
 * @module reference/operations/key-policies
 * GetKeyPolicy, PutKeyPolicy and ListKeyPolicies, and the policy checks CreateKey shares with
 * PutKeyPolicy (key-management §2, MGT-037…MGT-052). Keys have one policy, `default`; the reference
 * shares no keys through AWS RAM, so they never have an `AWS_RAM` policy.
 */
import { kmsError } from '../errors.ts';
import type { KmsKey } from '../model/key.ts';
import { defaultPolicyText, parsePolicy } from '../policy/document.ts';
import { callerArn, type Caller } from '../policy/authorize.ts';
import { evaluate } from '../policy/evaluate.ts';
import type { OperationContext } from './context.ts';
import { defineOperation } from './define.ts';
import { ANY_STATE } from './key-states.ts';
import { pageMembers, paginate } from './pagination.ts';

const DEFAULT_NAME = 'default';

/** The accounts whose principals a policy may name: those the reference serves. */
function knownAccounts(ctx: OperationContext): ReadonlySet<string> {
  return new Set(ctx.accounts);
}

/**
 * The policy text to store for a key of `ctx`'s caller: the given one, checked (document, principals,
 * and the lockout safety check unless bypassed), or the default policy.
 */
export function policyFor(ctx: OperationContext, keyArn: string, policy: string | undefined, bypass: boolean | undefined): string {
  if (policy === undefined) return defaultPolicyText(ctx.partition, ctx.accountId);
  const doc = parsePolicy(policy, knownAccounts(ctx));
  if (bypass !== true) {
    const caller: Caller = { accountId: ctx.accountId, partition: ctx.partition };
    const decision = evaluate(doc, { callerAccount: caller.accountId, callerArn: callerArn(caller), action: 'kms:PutKeyPolicy', resource: keyArn, context: new Map() });
    // Recorded for CreateKey and PutKeyPolicy (MGT-044).
    if (decision !== 'allow') throw kmsError('MalformedPolicyDocumentException', 'The new key policy will not allow you to update the key policy in the future.');
  }
  return policy;
}

function requirePolicyName(key: KmsKey, name: string | undefined): void {
  // "If the KMS key doesn't have an AWS_RAM key policy, GetKeyPolicy returns a NotFoundException."
  if (name !== undefined && name !== DEFAULT_NAME) throw kmsError('NotFoundException', `${key.arn} has no key policy named ${name}.`);
}

export const getKeyPolicy = defineOperation({
  name: 'GetKeyPolicy',
  keys: { states: ANY_STATE, aliases: false, crossAccount: false },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    requirePolicyName(key, input.PolicyName);
    return { Policy: key.policy, PolicyName: DEFAULT_NAME };
  },
});

export const putKeyPolicy = defineOperation({
  name: 'PutKeyPolicy',
  keys: { states: ANY_STATE, aliases: false, crossAccount: false },
  async handle(input, { ctx, keys }) {
    const key = keys.require(input.KeyId);
    // Documented text (MGT-043).
    if (input.PolicyName === 'AWS_RAM') throw kmsError('ValidationException', 'The AWS_RAM policy can only be managed by the RAM service');
    requirePolicyName(key, input.PolicyName);
    key.policy = policyFor(ctx, key.arn, input.Policy, input.BypassPolicyLockoutSafetyCheck);
  },
});

export const listKeyPolicies = defineOperation({
  name: 'ListKeyPolicies',
  keys: { states: ANY_STATE, aliases: false, crossAccount: false },
  async handle(input, { keys }) {
    keys.require(input.KeyId);
    const page = paginate([DEFAULT_NAME], input.Limit, input.Marker, 100);
    return { PolicyNames: page.items, ...pageMembers(page) };
  },
});
