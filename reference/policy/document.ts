/**
 * @module reference/policy/document
 * Key policy documents: parsed and checked as KMS checks them on CreateKey and PutKeyPolicy
 * (key-management §2): text that is not JSON is MalformedPolicyDocumentException with no message
 * (recorded 2018), a principal the endpoint does not know is the recorded "invalid principals"
 * text, and a statement without Action or Resource is accepted but has no effect. The grammar is
 * IAM's policy grammar, held as a zod schema; the policy text itself is stored as given, so
 * GetKeyPolicy returns it with its own formatting and key order.
 */
import { z } from 'zod';
import { kmsError } from '../errors.ts';
import { parseOperator } from './operators.ts';

const OneOrMany = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));
const PrincipalSchema = z.union([
  z.literal('*'),
  z.object({ AWS: OneOrMany.optional(), Service: OneOrMany.optional(), Federated: OneOrMany.optional(), CanonicalUser: OneOrMany.optional() }).strict(),
]);
const ConditionSchema = z.record(z.string(), z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))])));

const StatementSchema = z
  .object({
    Sid: z.string().optional(),
    Effect: z.enum(['Allow', 'Deny']),
    Principal: PrincipalSchema.optional(),
    NotPrincipal: PrincipalSchema.optional(),
    Action: OneOrMany.optional(),
    NotAction: OneOrMany.optional(),
    Resource: OneOrMany.optional(),
    NotResource: OneOrMany.optional(),
    Condition: ConditionSchema.optional(),
  })
  .strict();

const DocumentSchema = z
  .object({
    Version: z.enum(['2012-10-17', '2008-10-17']).optional(),
    Id: z.string().optional(),
    Statement: z.union([StatementSchema, z.array(StatementSchema)]).transform((s) => (Array.isArray(s) ? s : [s])),
  })
  .strict();

export type PolicyStatement = z.infer<typeof StatementSchema>;
export type PolicyPrincipal = z.infer<typeof PrincipalSchema>;
export interface PolicyDocument {
  statements: PolicyStatement[];
}

/** The last documented key policy size quota (32 KB, not adjustable), in bytes. */
export const MAX_POLICY_BYTES = 32_768;

const ACCOUNT = /^\d{12}$/;
const IAM_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):(root|user\/.+|role\/.+|assumed-role\/.+|federated-user\/.+|group\/.+)$/;
const STS_ARN = /^arn:aws[a-z-]*:sts::(\d{12}):(assumed-role|federated-user)\/.+$/;
const SERVICE = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** The account an AWS principal string belongs to, or undefined when it is not a principal KMS knows the form of. */
export function principalAccount(p: string): string | undefined {
  if (ACCOUNT.test(p)) return p;
  return IAM_ARN.exec(p)?.[1] ?? STS_ARN.exec(p)?.[1];
}

/**
 * Parses and checks a key policy. `knownAccounts` are the accounts whose principals exist: AWS
 * checks that principals "exist and are visible to KMS", and the reference knows its own accounts.
 */
export function parsePolicy(text: string, knownAccounts: ReadonlySet<string>): PolicyDocument {
  if (Buffer.byteLength(text, 'utf8') > MAX_POLICY_BYTES) {
    throw kmsError('LimitExceededException', `The key policy is larger than the quota of ${MAX_POLICY_BYTES} bytes.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw kmsError('MalformedPolicyDocumentException', '');
  }
  const parsed = DocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw kmsError('MalformedPolicyDocumentException', `The key policy is not a valid policy document: ${issue.path.join('.') || 'the document'}: ${issue.message}.`);
  }
  for (const s of parsed.data.Statement) {
    for (const name of Object.keys(s.Condition ?? {})) {
      if (!parseOperator(name)) throw kmsError('MalformedPolicyDocumentException', `The key policy has a condition operator IAM does not have: ${name}.`);
    }
    for (const p of [s.Principal, s.NotPrincipal]) {
      if (!p || p === '*') continue;
      // The principals that exist here: accounts the reference serves (by id or root ARN), and
      // services. It has no IAM users or roles, so an ARN of one names nobody.
      const exists = (a: string) => a === '*' || ((ACCOUNT.test(a) || a.endsWith(':root')) && knownAccounts.has(principalAccount(a) ?? ''));
      const valid = (p.AWS ?? []).every(exists) && (p.Service ?? []).every((x) => SERVICE.test(x));
      // Recorded (key-management MGT-046).
      if (!valid) throw kmsError('MalformedPolicyDocumentException', 'Policy contains a statement with one or more invalid principals.');
    }
  }
  return { statements: parsed.data.Statement };
}

/**
 * The policy CreateKey attaches when given none: the account's root principal may do everything
 * (recorded, MGT-038), written the way AWS prints it (GetKeyPolicy example, MGT-039).
 */
export function defaultPolicyText(partition: string, accountId: string): string {
  return [
    '{',
    '  "Version" : "2012-10-17",',
    '  "Id" : "key-default-1",',
    '  "Statement" : [ {',
    '    "Sid" : "Enable IAM User Permissions",',
    '    "Effect" : "Allow",',
    '    "Principal" : {',
    `      "AWS" : "arn:${partition}:iam::${accountId}:root"`,
    '    },',
    '    "Action" : "kms:*",',
    '    "Resource" : "*"',
    '  } ]',
    '}',
  ].join('\n');
}
