/**
 * @module reference/operations/define
 * One typed definition per operation: its name (a name of AWS's model, so its input and output
 * types come from the model), how it treats keys (which states it allows and what each other state
 * answers, which origins, whether alias names and other accounts' keys are accepted), and its
 * handler over the validated, typed input. The handler table, the key gate and input validation are
 * derived from these definitions (operations/index.ts, protocol/aws-json.ts).
 */
import type { OperationIO, OperationName, OriginType } from '../api/kms-api.generated.ts';
import type { KmsKey } from '../model/key.ts';
import type { OperationContext } from './context.ts';
import type { StateTable } from './key-states.ts';

/** How an operation treats the keys its input names. */
export interface KeyPolicy {
  /** What each key state does: proceed, or the refusal it answers with (a total table). */
  readonly states: StateTable;
  /** Whether an alias name or alias ARN may stand for the key. */
  readonly aliases: boolean;
  /** Whether a key of another account may be named by ARN (AWS's "Cross-account use: Yes"). */
  readonly crossAccount: boolean;
  /** Only keys of these origins; any other answers UnsupportedOperationException. All when absent. */
  readonly origins?: readonly OriginType[];
}

/** How a call uses a key, when not simply as its operation: the action authorised, and its context. */
export interface KeyUse {
  /** ReEncryptFrom or ReEncryptTo for the two keys of a ReEncrypt; the operation otherwise. */
  action?: string;
  /** The encryption context that goes with this key (ReEncrypt's source or destination context). */
  encryptionContext?: Record<string, string> | undefined;
}

/** The key gate, bound to one operation's policy: how handlers reach keys. */
export interface KeyGate {
  /**
   * The key `id` names, if the caller may use it (key policy, grants) and the policy allows it in its
   * origin and state; else the refusal AWS answers.
   */
  require(id: string, use?: KeyUse): KmsKey;
  /** The key `id` names, with the policy's identifier rules only (no origin or state check). */
  resolve(id: string): KmsKey;
  /** The keys `require` handed out in this call: the keys the operation used. */
  used(): readonly KmsKey[];
}

export type InputOf<Op extends OperationName> = OperationIO[Op]['input'];
export type OutputOf<Op extends OperationName> = OperationIO[Op]['output'];

/** What a handler gets besides its input: the caller's context, and the key gate when the operation takes keys. */
export type Call<P extends KeyPolicy | undefined> = P extends KeyPolicy
  ? { readonly ctx: OperationContext; readonly keys: KeyGate }
  : { readonly ctx: OperationContext };

export interface OperationDefinition<Op extends OperationName = OperationName, P extends KeyPolicy | undefined = KeyPolicy | undefined> {
  readonly name: Op;
  /** Absent for operations that take no existing key (CreateKey, ListKeys, DeleteAlias, …). */
  readonly keys?: P;
  // Method syntax on purpose: the operation table holds definitions of every policy type side by side.
  handle(input: InputOf<Op>, call: Call<P>): Promise<OutputOf<Op>>;
}

/**
 * Declares an operation. The name must be one of the model's; the handler's input and output are
 * the model's shapes for it; a handler may use the key gate only when the definition has a key policy.
 */
export function defineOperation<Op extends OperationName, P extends KeyPolicy | undefined = undefined>(
  def: OperationDefinition<Op, P>,
): OperationDefinition<Op, P> {
  return def;
}
