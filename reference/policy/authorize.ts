/**
 * @module reference/policy/authorize
 * Whether a caller may do an operation on a key (key-management §2, §3, §9): the key policy is
 * evaluated for the caller, then the key's grants. An explicit Deny refuses; an Allow, or a grant to
 * the caller for that operation whose constraints the request meets, permits; anything else is
 * AccessDeniedException. The reference's callers are their accounts' root principals, and have
 * every IAM permission in their own account, so a statement that gives their account a permission
 * (for its own keys: delegates it to IAM) lets them use it.
 */
import { kmsError } from '../errors.ts';
import type { Grant, KmsKey } from '../model/key.ts';
import { parsePolicy, type PolicyDocument } from './document.ts';
import { evaluate, type ConditionValue } from './evaluate.ts';

export interface Caller {
  accountId: string;
  partition: string;
}

export const callerArn = (c: Caller): string => `arn:${c.partition}:iam::${c.accountId}:root`;

const parsedPolicies = new Map<string, PolicyDocument>();

/** A stored policy's parsed form (stored policies were checked when they were set). */
function documentOf(policy: string): PolicyDocument {
  let doc = parsedPolicies.get(policy);
  if (!doc) {
    doc = parsePolicy(policy, { has: () => true } as unknown as ReadonlySet<string>);
    if (parsedPolicies.size > 1_000) parsedPolicies.clear();
    parsedPolicies.set(policy, doc);
  }
  return doc;
}

/** The request's values of the condition keys KMS documents, lower-cased as the evaluator reads them. */
export function conditionContext(caller: Caller, key: KmsKey, input: Record<string, unknown>, encryptionContext?: Record<string, string>): Map<string, ConditionValue> {
  const m = new Map<string, ConditionValue>();
  const set = (k: string, v: ConditionValue | undefined) => v !== undefined && m.set(k.toLowerCase(), v);
  set('aws:PrincipalAccount', caller.accountId);
  set('aws:PrincipalArn', callerArn(caller));
  set('kms:CallerAccount', caller.accountId);
  set('kms:KeySpec', key.keySpec);
  set('kms:KeyUsage', key.keyUsage);
  set('kms:KeyOrigin', key.origin);
  set('kms:MultiRegion', key.family !== undefined);
  if (key.family) set('kms:MultiRegionKeyType', key.family.primaryRegion === key.region ? 'PRIMARY' : 'REPLICA');
  set('kms:GrantIsForAWSResource', false);
  for (const member of ['EncryptionAlgorithm', 'SigningAlgorithm', 'MacAlgorithm', 'KeyAgreementAlgorithm', 'MessageType', 'WrappingAlgorithm', 'WrappingKeySpec', 'ExpirationModel', 'PolicyName', 'RotationPeriodInDays', 'BypassPolicyLockoutSafetyCheck', 'GranteePrincipal', 'RetiringPrincipal', 'ReplicaRegion', 'PrimaryRegion']) {
    const v = input[member];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') set(`kms:${member}`, v);
  }
  if (typeof input.KeyPairSpec === 'string') set('kms:DataKeyPairSpec', input.KeyPairSpec);
  if (Array.isArray(input.Operations)) set('kms:GrantOperations', input.Operations as string[]);
  const context = encryptionContext ?? (input.EncryptionContext as Record<string, string> | undefined);
  if (context) {
    for (const [k, v] of Object.entries(context)) set(`kms:EncryptionContext:${k}`, v);
    set('kms:EncryptionContextKeys', Object.keys(context));
  }
  return m;
}

/** The grant operation an action needs: the operation itself, or ReEncryptFrom/ReEncryptTo. */
const grantOperationOf = (action: string): string => action;

/** True when a grant gives `caller` the operation and the request meets its constraints (key-management §3.2). */
function grantAllows(g: Grant, caller: Caller, action: string, context: Record<string, string> | undefined): boolean {
  const grantee = g.granteePrincipal;
  const toCaller = grantee === callerArn(caller) || grantee === caller.accountId;
  if (!toCaller || !g.operations.includes(grantOperationOf(action) as never)) return false;
  const c = g.constraints;
  // Encryption-context constraints are ignored for DescribeKey and RetireGrant.
  if (!c || action === 'DescribeKey' || action === 'RetireGrant') return true;
  const request = context ?? {};
  if (c.EncryptionContextEquals) {
    const want = Object.entries(c.EncryptionContextEquals);
    if (want.length !== Object.keys(request).length || !want.every(([k, v]) => request[k] === v)) return false;
  }
  if (c.EncryptionContextSubset && !Object.entries(c.EncryptionContextSubset).every(([k, v]) => request[k] === v)) return false;
  return true;
}

export interface AuthorizeOptions {
  /** The operation, or ReEncryptFrom / ReEncryptTo. */
  action: string;
  input: Record<string, unknown>;
  /** The encryption context that applies to this key (ReEncrypt's source or destination context). */
  encryptionContext?: Record<string, string> | undefined;
}

/** Throws AccessDeniedException unless the key policy or a grant lets `caller` do `action` on `key`. */
export function authorize(caller: Caller, key: KmsKey, o: AuthorizeOptions): void {
  const context = o.encryptionContext ?? (o.input.EncryptionContext as Record<string, string> | undefined);
  const decision = evaluate(documentOf(key.policy), {
    callerAccount: caller.accountId,
    callerArn: callerArn(caller),
    action: `kms:${o.action}`,
    resource: key.arn,
    context: conditionContext(caller, key, o.input, context),
  });
  if (decision === 'allow') return;
  if (decision === 'not-allowed' && key.grants.some((g) => grantAllows(g, caller, o.action, context))) return;
  // AWS's wording of this refusal was not recorded; this one says who, what and which key.
  throw kmsError('AccessDeniedException', `${callerArn(caller)} is not authorized to perform kms:${o.action} on ${key.arn}${decision === 'deny' ? ': a key policy statement denies it' : ': no key policy statement or grant allows it'}.`);
}
