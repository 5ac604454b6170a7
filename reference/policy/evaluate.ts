/**
 * @module reference/policy/evaluate
 * Evaluates key policy statements for one request, as IAM's evaluation logic does for a resource
 * policy: an explicit Deny wins, then an Allow, else the request is not allowed by the policy.
 * Covered: principals by account (12 digits or `…:root`) and by exact ARN, `*`, NotPrincipal;
 * Action/NotAction and Resource/NotResource with `*` and `?` wildcards (actions case-insensitively);
 * the condition operators String*, Numeric*, Bool, Null and Arn*, with IfExists and the
 * ForAnyValue/ForAllValues set prefixes, over the condition keys authorize.ts supplies. Not covered
 * (the README says so): policy variables, date operators, IP and VPC keys, and IAM identity
 * policies (the reference's callers are their accounts' administrators).
 */
import type { PolicyDocument, PolicyPrincipal, PolicyStatement } from './document.ts';
import { principalAccount } from './document.ts';
import { parseOperator, type Operator } from './operators.ts';

export type ConditionValue = string | number | boolean | readonly string[];

export interface AuthorizationRequest {
  callerAccount: string;
  callerArn: string;
  /** `kms:<Operation>` (ReEncryptFrom / ReEncryptTo for the two keys of a ReEncrypt). */
  action: string;
  /** The key ARN. */
  resource: string;
  /** Condition keys, lower-case, to their values in this request. */
  context: ReadonlyMap<string, ConditionValue>;
}

export type Decision = 'allow' | 'deny' | 'not-allowed';

/** `*` and `?` wildcards, optionally case-insensitive. */
function wildcard(pattern: string, value: string, ignoreCase = false): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, ignoreCase ? 'is' : 's');
  return re.test(value);
}

function principalMatches(p: PolicyPrincipal, req: AuthorizationRequest): boolean {
  if (p === '*') return true;
  return (p.AWS ?? []).some((a) => {
    if (a === '*') return true;
    // An account id or its root ARN names the account (for its own keys: the account's IAM policies decide).
    if (/^\d{12}$/.test(a) || a.endsWith(':root')) return principalAccount(a) === req.callerAccount;
    return a === req.callerArn;
  });
}

function appliesTo(s: PolicyStatement, req: AuthorizationRequest): boolean {
  // A statement without Action or Resource has no effect (PutKeyPolicy docs, MGT-048).
  if ((!s.Action && !s.NotAction) || (!s.Resource && !s.NotResource) || (!s.Principal && !s.NotPrincipal)) return false;
  if (s.Principal && !principalMatches(s.Principal, req)) return false;
  if (s.NotPrincipal && principalMatches(s.NotPrincipal, req)) return false;
  if (s.Action && !s.Action.some((a) => wildcard(a, req.action, true))) return false;
  if (s.NotAction && s.NotAction.some((a) => wildcard(a, req.action, true))) return false;
  if (s.Resource && !s.Resource.some((r) => wildcard(r, req.resource))) return false;
  if (s.NotResource && s.NotResource.some((r) => wildcard(r, req.resource))) return false;
  return conditionsHold(s.Condition ?? {}, req.context);
}

const NEGATED = /Not/;

/** One request value against one policy value. */
function compare(base: string, actual: string, expected: string): boolean {
  switch (base) {
    case 'StringEquals':
    case 'StringNotEquals':
    case 'ArnEquals':
    case 'ArnNotEquals':
      return actual === expected;
    case 'StringEqualsIgnoreCase':
    case 'StringNotEqualsIgnoreCase':
      return actual.toLowerCase() === expected.toLowerCase();
    case 'StringLike':
    case 'StringNotLike':
    case 'ArnLike':
    case 'ArnNotLike':
      return wildcard(expected, actual);
    case 'Bool':
      return actual.toLowerCase() === expected.toLowerCase();
    default: {
      const [a, e] = [Number(actual), Number(expected)];
      if (Number.isNaN(a) || Number.isNaN(e)) return false;
      return base === 'NumericEquals' || base === 'NumericNotEquals' ? a === e
        : base === 'NumericLessThan' ? a < e : base === 'NumericLessThanEquals' ? a <= e : base === 'NumericGreaterThan' ? a > e : a >= e;
    }
  }
}

function conditionHolds(op: Operator, actual: ConditionValue | undefined, expected: readonly string[]): boolean {
  if (op.base === 'Null') return expected.some((e) => (e.toLowerCase() === 'true') === (actual === undefined));
  if (actual === undefined) return op.ifExists || (NEGATED.test(op.base) && !op.set) || op.set === 'ForAllValues';
  const values = (Array.isArray(actual) ? actual : [String(actual)]) as readonly string[];
  const negated = NEGATED.test(op.base);
  const one = (v: string) => {
    const hit = expected.some((e) => compare(op.base, v, e));
    return negated ? !hit : hit;
  };
  if (op.set === 'ForAllValues') return values.every(one);
  return op.set === 'ForAnyValue' || !negated ? values.some(one) : values.every(one);
}

function conditionsHold(conditions: Record<string, Record<string, unknown>>, context: ReadonlyMap<string, ConditionValue>): boolean {
  return Object.entries(conditions).every(([name, keys]) => {
    const op = parseOperator(name);
    if (!op) return false;
    return Object.entries(keys).every(([key, raw]) => {
      const expected = (Array.isArray(raw) ? raw : [raw]).map(String);
      return conditionHolds(op, context.get(key.toLowerCase()), expected);
    });
  });
}

/** The policy's decision for the request. */
export function evaluate(doc: PolicyDocument, req: AuthorizationRequest): Decision {
  let allowed = false;
  for (const s of doc.statements) {
    if (!appliesTo(s, req)) continue;
    if (s.Effect === 'Deny') return 'deny';
    allowed = true;
  }
  return allowed ? 'allow' : 'not-allowed';
}
