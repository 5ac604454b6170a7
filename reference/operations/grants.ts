/**
 * @module reference/operations/grants
 * CreateGrant, ListGrants, ListRetirableGrants, RetireGrant and RevokeGrant (key-management §3,
 * MGT-054…MGT-080). A grant gives its grantee the listed operations on one key, within its
 * constraints (authorize.ts honours them); the reference is immediately consistent, so a grant works
 * at once, with or without its token. Tokens are opaque handles to their grant, as AWS's are to
 * callers; all tokens of one grant are interchangeable.
 */
import type { CreateGrantRequest, GrantListEntry, GrantOperation, KeyUsageType } from '../api/kms-api.generated.ts';
import { KEY_SPECS } from '../crypto/key-specs.ts';
import { kmsError } from '../errors.ts';
import { parseArn } from '../model/arn.ts';
import type { Grant, KmsKey } from '../model/key.ts';
import { callerArn } from '../policy/authorize.ts';
import type { OperationContext } from './context.ts';
import { defineOperation } from './define.ts';
import { settleAll } from './gate.ts';
import { ANY_STATE, REFUSE, type StateTable } from './key-states.ts';
import { stopIfDryRun } from './key-use.ts';
import { pageMembers, paginate } from './pagination.ts';

/** CreateGrant's key-state row: as the cryptographic operations, but Unavailable keys proceed (MGT-068). */
const CREATE_GRANT: StateTable = {
  Enabled: 'allow',
  Disabled: REFUSE.disabled,
  PendingDeletion: REFUSE.pendingDeletion,
  PendingReplicaDeletion: REFUSE.pendingDeletion,
  PendingImport: REFUSE.pendingImport,
  Unavailable: 'allow',
  Creating: REFUSE.creating,
  Updating: 'allow',
};

/** Grant operations every key allows. */
const ANY_KEY: readonly GrantOperation[] = ['DescribeKey', 'CreateGrant', 'RetireGrant'];

/** The grant operations a key of this spec and usage can do (grants docs: no Sign on a symmetric key, …). */
function grantableFor(key: KmsKey): ReadonlySet<GrantOperation> {
  const symmetric = KEY_SPECS[key.keySpec].family === 'symmetric';
  const byUsage: Record<KeyUsageType, GrantOperation[]> = {
    ENCRYPT_DECRYPT: symmetric
      ? ['Encrypt', 'Decrypt', 'ReEncryptFrom', 'ReEncryptTo', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext']
      : ['Encrypt', 'Decrypt', 'ReEncryptFrom', 'ReEncryptTo', 'GetPublicKey'],
    SIGN_VERIFY: ['Sign', 'Verify', 'GetPublicKey'],
    GENERATE_VERIFY_MAC: ['GenerateMac', 'VerifyMac'],
    KEY_AGREEMENT: ['DeriveSharedSecret', 'GetPublicKey'],
    ENCAPSULATE_DECAPSULATE: ['Encapsulate', 'Decapsulate', 'GetPublicKey'],
  };
  return new Set([...ANY_KEY, ...byUsage[key.keyUsage]]);
}

const invalid = (message: string) => kmsError('ValidationException', message);
const GRANT_ID = /^[0-9a-f]{64}$/;
const MAX_CONTEXT_PAIRS = 8;
const MAX_CONTEXT_VALUE = 384;

/** Checks a CreateGrant request against the key, in the documented rules (MGT-059…MGT-065). */
function checkGrantRequest(key: KmsKey, input: CreateGrantRequest): void {
  if ((input.GranteePrincipal === undefined) === (input.GranteeServicePrincipal === undefined)) {
    throw invalid('Exactly one of GranteePrincipal and GranteeServicePrincipal must be given.');
  }
  if (input.RetiringPrincipal !== undefined && input.RetiringServicePrincipal !== undefined) {
    throw invalid('At most one of RetiringPrincipal and RetiringServicePrincipal may be given.');
  }
  if (input.GranteeServicePrincipal !== undefined && (!input.Constraints?.SourceArn || (input.RetiringPrincipal ?? input.RetiringServicePrincipal) === undefined)) {
    throw invalid('A grant to a service principal needs a SourceArn constraint and a retiring principal.');
  }
  // Recorded (third party, MGT-063).
  if (input.Operations.length > 0 && input.Operations.every((op) => op === 'CreateGrant')) throw invalid('Grants must not contain only the CreateGrant operation.');
  const grantable = grantableFor(key);
  const refused = input.Operations.filter((op) => !grantable.has(op));
  if (refused.length) throw invalid(`${key.arn} (${key.keySpec}, ${key.keyUsage}) cannot do ${refused.join(', ')}, so a grant cannot allow it.`);
  const c = input.Constraints;
  if (c?.EncryptionContextEquals && c.EncryptionContextSubset) throw invalid('More than one constraint supplied');
  const pairs = c?.EncryptionContextEquals ?? c?.EncryptionContextSubset;
  if (pairs) {
    if (KEY_SPECS[key.keySpec].family !== 'symmetric') throw invalid('Encryption context constraints are only valid for grants on symmetric encryption KMS keys.');
    const entries = Object.entries(pairs);
    if (entries.length > MAX_CONTEXT_PAIRS || entries.some(([, v]) => v.length > MAX_CONTEXT_VALUE)) {
      throw invalid(`An encryption context constraint holds at most ${MAX_CONTEXT_PAIRS} pairs, each value at most ${MAX_CONTEXT_VALUE} characters.`);
    }
  }
}

/** Same grant parameters: a retry of a named CreateGrant returns the existing grant (Name docs, MGT-056). */
function sameGrant(g: Grant, input: CreateGrantRequest): boolean {
  const norm = (v: unknown) => JSON.stringify(v ?? null);
  return (
    g.name === input.Name &&
    g.granteePrincipal === input.GranteePrincipal &&
    g.granteeServicePrincipal === input.GranteeServicePrincipal &&
    g.retiringPrincipal === input.RetiringPrincipal &&
    g.retiringServicePrincipal === input.RetiringServicePrincipal &&
    norm([...g.operations].sort()) === norm([...input.Operations].sort()) &&
    norm(g.constraints) === norm(input.Constraints)
  );
}

function issueToken(ctx: OperationContext, key: KmsKey, grant: Grant): string {
  const token = ctx.randomBytes(96).toString('base64url');
  ctx.store.grantTokens.set(token, { accountId: key.accountId, region: key.region, keyId: key.keyId, grantId: grant.grantId });
  return token;
}

export const createGrant = defineOperation({
  name: 'CreateGrant',
  keys: { states: CREATE_GRANT, aliases: false, crossAccount: true },
  async handle(input, { ctx, keys }) {
    const key = keys.require(input.KeyId);
    checkGrantRequest(key, input);
    stopIfDryRun(input);
    let grant = input.Name === undefined ? undefined : key.grants.find((g) => sameGrant(g, input));
    if (!grant) {
      grant = {
        grantId: ctx.randomBytes(32).toString('hex'),
        keyId: key.keyId,
        ...(input.Name !== undefined && { name: input.Name }),
        creationDate: ctx.now(),
        ...(input.GranteePrincipal !== undefined && { granteePrincipal: input.GranteePrincipal }),
        ...(input.GranteeServicePrincipal !== undefined && { granteeServicePrincipal: input.GranteeServicePrincipal }),
        ...(input.RetiringPrincipal !== undefined && { retiringPrincipal: input.RetiringPrincipal }),
        ...(input.RetiringServicePrincipal !== undefined && { retiringServicePrincipal: input.RetiringServicePrincipal }),
        issuingAccount: callerArn(ctx),
        operations: [...input.Operations],
        ...(input.Constraints && { constraints: input.Constraints }),
      };
      key.grants.push(grant);
    }
    return { GrantToken: issueToken(ctx, key, grant), GrantId: grant.grantId };
  },
});

function entry(key: KmsKey, g: Grant): GrantListEntry {
  return {
    KeyId: key.arn,
    GrantId: g.grantId,
    ...(g.name !== undefined && { Name: g.name }),
    CreationDate: g.creationDate,
    ...(g.granteePrincipal !== undefined && { GranteePrincipal: g.granteePrincipal }),
    ...(g.retiringPrincipal !== undefined && { RetiringPrincipal: g.retiringPrincipal }),
    IssuingAccount: g.issuingAccount,
    Operations: [...g.operations],
    ...(g.constraints && { Constraints: g.constraints }),
    ...(g.granteeServicePrincipal !== undefined && { GranteeServicePrincipal: g.granteeServicePrincipal }),
    ...(g.retiringServicePrincipal !== undefined && { RetiringServicePrincipal: g.retiringServicePrincipal }),
  };
}

function requireGrantId(id: string): void {
  if (!GRANT_ID.test(id)) throw kmsError('InvalidGrantIdException', `${id} is not a grant ID.`);
}

export const listGrants = defineOperation({
  name: 'ListGrants',
  keys: { states: ANY_STATE, aliases: false, crossAccount: true },
  async handle(input, { keys }) {
    const key = keys.require(input.KeyId);
    if (input.GrantId !== undefined) requireGrantId(input.GrantId);
    const all = key.grants.filter(
      (g) =>
        (input.GrantId === undefined || g.grantId === input.GrantId) &&
        (input.GranteePrincipal === undefined || g.granteePrincipal === input.GranteePrincipal) &&
        (input.GranteeServicePrincipal === undefined || g.granteeServicePrincipal === input.GranteeServicePrincipal),
    );
    const page = paginate(all, input.Limit, input.Marker, 50, (g) => ({ at: g.creationDate.getTime(), id: g.grantId }));
    return { Grants: page.items.map((g) => entry(key, g)), ...pageMembers(page) };
  },
});

/** The principal's account, for an IAM principal (an account id or an IAM/STS ARN). */
function accountOf(principal: string | undefined): string | undefined {
  if (!principal) return undefined;
  if (/^\d{12}$/.test(principal)) return principal;
  return /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
}

export const listRetirableGrants = defineOperation({
  name: 'ListRetirableGrants',
  async handle(input, { ctx }) {
    const { RetiringPrincipal: p, RetiringServicePrincipal: sp } = input;
    if ((p === undefined) === (sp === undefined)) throw invalid('Exactly one of RetiringPrincipal and RetiringServicePrincipal must be given.');
    // "You can specify any principal in your Amazon Web Services account" (a KMS key ARN is refused, MGT-077).
    if (p !== undefined && accountOf(p) !== ctx.accountId) throw invalid(`${p} is not a principal of account ${ctx.accountId}.`);
    settleAll(ctx);
    const found: { key: KmsKey; grant: Grant }[] = [];
    for (const accountId of ctx.accounts) {
      for (const key of ctx.store.peek(accountId, ctx.regionName)?.keys.values() ?? []) {
        for (const grant of key.grants) if ((p !== undefined && grant.retiringPrincipal === p) || (sp !== undefined && grant.retiringServicePrincipal === sp)) found.push({ key, grant });
      }
    }
    const page = paginate(found, input.Limit, input.Marker, 50, ({ key, grant }) => ({ at: grant.creationDate.getTime(), id: `${key.arn} ${grant.grantId}` }));
    return { Grants: page.items.map(({ key, grant }) => entry(key, grant)), ...pageMembers(page) };
  },
});

/** Removes a grant and every token of it. */
function dropGrant(ctx: OperationContext, key: KmsKey, grant: Grant): void {
  key.grants = key.grants.filter((g) => g !== grant);
  for (const [token, t] of ctx.store.grantTokens) if (t.grantId === grant.grantId) ctx.store.grantTokens.delete(token);
}

export const revokeGrant = defineOperation({
  name: 'RevokeGrant',
  keys: { states: ANY_STATE, aliases: false, crossAccount: true },
  async handle(input, { ctx, keys }) {
    const key = keys.require(input.KeyId);
    requireGrantId(input.GrantId);
    const grant = key.grants.find((g) => g.grantId === input.GrantId);
    // Recorded code for a well-formed unknown id (third party, MGT-072); the text is our own.
    if (!grant) throw kmsError('NotFoundException', `Grant ${input.GrantId} does not exist on ${key.arn}.`);
    stopIfDryRun(input);
    dropGrant(ctx, key, grant);
  },
});

/** Who may retire a grant: its retiring principal, its grantee if it allows RetireGrant, or the account that created it. */
function mayRetire(ctx: OperationContext, grant: Grant): boolean {
  const me = ctx.accountId;
  return accountOf(grant.retiringPrincipal) === me || accountOf(grant.issuingAccount) === me || (accountOf(grant.granteePrincipal) === me && grant.operations.includes('RetireGrant'));
}

export const retireGrant = defineOperation({
  name: 'RetireGrant',
  async handle(input, { ctx }) {
    let found: { key: KmsKey; grant: Grant } | undefined;
    if (input.GrantToken !== undefined) {
      const t = ctx.store.grantTokens.get(input.GrantToken);
      const key = t && ctx.store.peek(t.accountId, t.region)?.keys.get(t.keyId);
      const grant = key?.grants.find((g) => g.grantId === t?.grantId);
      if (!key || !grant) throw kmsError('InvalidGrantTokenException', 'The grant token is not valid.');
      found = { key, grant };
    } else if (input.KeyId !== undefined && input.GrantId !== undefined) {
      requireGrantId(input.GrantId);
      // KeyId is the key ARN (a bare id means the caller's account), as RetireGrant documents.
      const arn = parseArn(input.KeyId);
      const [account, keyId] = arn?.resource === 'key' ? [arn.account, arn.id] : [ctx.accountId, input.KeyId];
      const key = ctx.store.peek(account, ctx.regionName)?.keys.get(keyId);
      if (!key) throw kmsError('NotFoundException', `Key '${input.KeyId}' does not exist`);
      const grant = key.grants.find((g) => g.grantId === input.GrantId);
      if (!grant) throw kmsError('NotFoundException', `Grant ${input.GrantId} does not exist on ${key.arn}.`);
      found = { key, grant };
    } else {
      throw invalid('Give either GrantToken, or KeyId and GrantId.');
    }
    if (!mayRetire(ctx, found.grant)) throw kmsError('AccessDeniedException', `${callerArn(ctx)} may not retire grant ${found.grant.grantId}.`);
    stopIfDryRun(input);
    dropGrant(ctx, found.key, found.grant);
  },
});
