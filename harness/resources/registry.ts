/**
 * @module harness/resources/registry
 * Every key and alias the suite creates is registered here, tagged with the run id, and written to
 * the run's ledger file, so that teardown (per test, in reverse order) and the end-of-run sweep
 * (also after an interrupted run) can schedule its deletion. The registry is also the safety gate:
 * the harness refuses to mutate a key or alias it did not create.
 */
import { appendFileSync, closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

/** The tag every created key carries. */
export const RUN_TAG_KEY = 'kms-conformance:run-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MRK = /^mrk-[0-9a-f]{32}$/i;
// Case-insensitive: a target that accepted an upper-case ARN must not slip past the safety check.
const ARN = /^arn:[^:]*:kms:[^:]*:[^:]*:(key|alias)\/(.+)$/i;

/** Operations that change a key or alias, with the input members that name what they change. */
export const MUTATING_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  EnableKey: ['KeyId'],
  DisableKey: ['KeyId'],
  ScheduleKeyDeletion: ['KeyId'],
  CancelKeyDeletion: ['KeyId'],
  DeleteImportedKeyMaterial: ['KeyId'],
  ImportKeyMaterial: ['KeyId'],
  TagResource: ['KeyId'],
  UntagResource: ['KeyId'],
  UpdateKeyDescription: ['KeyId'],
  PutKeyPolicy: ['KeyId'],
  EnableKeyRotation: ['KeyId'],
  DisableKeyRotation: ['KeyId'],
  RotateKeyOnDemand: ['KeyId'],
  CreateGrant: ['KeyId'],
  RevokeGrant: ['KeyId'],
  ReplicateKey: ['KeyId'],
  UpdatePrimaryRegion: ['KeyId'],
  CreateAlias: ['TargetKeyId', 'AliasName'],
  UpdateAlias: ['TargetKeyId', 'AliasName'],
  DeleteAlias: ['AliasName'],
  RetireGrant: ['KeyId'],
};

/**
 * Mutations of custom key stores, which the suite never creates: refused unless they name a store id
 * the run made up (`syntheticStoreId`), which names no store anywhere. CreateCustomKeyStore is refused
 * outright, except on a registry that allows probing it (a target that is not a real service).
 */
export const STORE_MUTATIONS: ReadonlySet<string> = new Set(['UpdateCustomKeyStore', 'DeleteCustomKeyStore', 'ConnectCustomKeyStore', 'DisconnectCustomKeyStore']);

export interface RegisteredKey {
  keyId: string;
  arn: string;
  principal: string;
}

export interface LedgerEntry {
  /** `run-closed`: the run is ending (swept); no worker may create anything after it. */
  event: 'key-created' | 'key-cleaned' | 'alias-created' | 'alias-deleted' | 'run-closed';
  principal: string;
  /** Key ARN, or alias name. */
  resource: string;
  at: string;
}

/** Thrown instead of sending a request that would change something the suite did not create. */
export class SafetyRefusal extends Error {
  override readonly name = 'SafetyRefusal';
}

/** Thrown instead of creating a key once the run is closing: what is created then might escape the sweep. */
export class RunClosed extends Error {
  override readonly name = 'RunClosed';
}

export class ResourceRegistry {
  private readonly keys = new Map<string, RegisteredKey>();
  private readonly synthetic = new Set<string>();
  private readonly aliases = new Set<string>();
  private readonly syntheticStores = new Set<string>();
  private scopes: { keys: RegisteredKey[]; aliases: { principal: string; aliasName: string }[] }[] = [];
  /** What the shared ledger said so far: read up to `offset`, the last line perhaps still partial. */
  private readonly seen = { offset: 0, partial: '', keysCreated: 0, closed: false, exists: false };

  constructor(
    readonly runId: string,
    private readonly ledgerPath?: string,
    /** Most keys the whole run may create (all workers: counted in the shared ledger). */
    private readonly maxKeys?: number,
    /** CreateCustomKeyStore may be sent (its answer probed): never against a real service. */
    private readonly mayProbeStoreCreation = false,
  ) {}

  /**
   * Throws RunClosed when the run is closing (an interrupted run's workers may still be running
   * their last checks), and SafetyRefusal when the run has already created its allowance of keys.
   */
  assertMayCreateKey(): void {
    this.readLedger();
    if (this.seen.closed) throw new RunClosed('refusing CreateKey: the run is closing and sweeping what it created');
    if (this.maxKeys === undefined) return;
    const created = this.seen.exists ? this.seen.keysCreated : this.keys.size;
    if (created >= this.maxKeys) throw new SafetyRefusal(`refusing CreateKey: this run has created ${created} keys, its limit (--max-keys ${this.maxKeys})`);
  }

  /**
   * Reads what every worker has appended to the ledger since the last call (only that: the ledger
   * of a whole run holds a line per key, and CreateKey asks before each key).
   */
  private readLedger(): void {
    if (!this.ledgerPath) return;
    let fd: number;
    try {
      fd = openSync(this.ledgerPath, 'r');
    } catch {
      return; // not written yet
    }
    try {
      this.seen.exists = true;
      const size = fstatSync(fd).size;
      if (size <= this.seen.offset) return;
      const buf = Buffer.alloc(size - this.seen.offset);
      const read = readSync(fd, buf, 0, buf.length, this.seen.offset);
      this.seen.offset += read;
      const lines = (this.seen.partial + buf.subarray(0, read).toString('utf8')).split('\n');
      this.seen.partial = lines.pop() ?? '';
      for (const line of lines) {
        if (line.includes('"key-created"')) this.seen.keysCreated++;
        if (line.includes('"run-closed"')) this.seen.closed = true;
      }
    } finally {
      closeSync(fd);
    }
  }

  /** Records a key the suite has just created. */
  registerKey(key: RegisteredKey): void {
    this.keys.set(key.keyId.toLowerCase(), key);
    this.scopes.at(-1)?.keys.push(key);
    this.ledger({ event: 'key-created', principal: key.principal, resource: key.arn, at: new Date().toISOString() });
  }

  registerAlias(principal: string, aliasName: string): void {
    this.aliases.add(aliasName);
    this.scopes.at(-1)?.aliases.push({ principal, aliasName });
    this.ledger({ event: 'alias-created', principal, resource: aliasName, at: new Date().toISOString() });
  }

  forgetAlias(principal: string, aliasName: string): void {
    this.aliases.delete(aliasName);
    this.ledger({ event: 'alias-deleted', principal, resource: aliasName, at: new Date().toISOString() });
  }

  markCleaned(key: RegisteredKey): void {
    this.ledger({ event: 'key-cleaned', principal: key.principal, resource: key.arn, at: new Date().toISOString() });
  }

  /** A well-formed key id that names no existing key: safe to use in negative checks. */
  syntheticKeyId(): string {
    const id = randomUUID();
    this.synthetic.add(id);
    return id;
  }

  /** A custom key store id in AWS's form (cks- and 17 hex digits) that names no store: safe to name in negative checks. */
  syntheticStoreId(): string {
    const id = `cks-${randomUUID().replace(/-/g, '').slice(0, 17)}`;
    this.syntheticStores.add(id);
    return id;
  }

  /** A custom key store a probe created after all (an emulator that has them): the run may delete it. */
  registerStore(id: string): void {
    this.syntheticStores.add(id);
  }

  /**
   * Admits a key id the suite generated itself (a seeded property, say) as synthetic, once the
   * caller has shown that it names no key; from then on the safety gate lets requests name it.
   */
  admitSynthetic(keyId: string): void {
    this.synthetic.add(keyId.toLowerCase());
  }

  /** An alias name owned by this run (prefixed with the run id). */
  aliasName(label: string): string {
    return `alias/kms-conformance/${this.runId}/${label}`;
  }

  /** Starts collecting the keys a test creates, for its teardown. */
  openScope(): void {
    this.scopes.push({ keys: [], aliases: [] });
  }

  /** Ends the current scope; returns what it created, newest first (teardown order). */
  closeScope(): { keys: RegisteredKey[]; aliases: { principal: string; aliasName: string }[] } {
    const s = this.scopes.pop() ?? { keys: [], aliases: [] };
    return { keys: s.keys.reverse(), aliases: s.aliases.filter((a) => this.aliases.has(a.aliasName)).reverse() };
  }

  /**
   * True when `identifier` cannot name a resource the suite did not create: a key or alias this run
   * created, a synthetic id, or a string that is not a key identifier at all.
   */
  owns(identifier: string): boolean {
    const arn = ARN.exec(identifier);
    const bare = arn ? (arn[1]!.toLowerCase() === 'alias' ? `alias/${arn[2]}` : arn[2]!) : identifier;
    if (bare.startsWith('alias/')) return this.aliases.has(bare) || bare.startsWith(`alias/kms-conformance/${this.runId}/`);
    if (!UUID.test(bare) && !MRK.test(bare)) return true;
    return this.keys.has(bare.toLowerCase()) || this.synthetic.has(bare.toLowerCase());
  }

  /** Throws SafetyRefusal when `operation` would change something this run did not create. */
  assertMayMutate(operation: string, input: Record<string, unknown>): void {
    if (operation === 'CreateCustomKeyStore' && !this.mayProbeStoreCreation) {
      throw new SafetyRefusal('refusing CreateCustomKeyStore: against a real service it could create a custom key store');
    }
    if (STORE_MUTATIONS.has(operation) && !(typeof input.CustomKeyStoreId === 'string' && this.syntheticStores.has(input.CustomKeyStoreId))) {
      throw new SafetyRefusal(`refusing ${operation}: the suite never creates the custom key store it would change`);
    }
    // The run tag is how a sweeper finds a key the run could not clean up: nothing may remove or change it.
    const tagKeys = operation === 'UntagResource' ? input.TagKeys : operation === 'TagResource' ? (input.Tags as { TagKey?: unknown }[] | undefined)?.map((t) => t?.TagKey) : undefined;
    if (Array.isArray(tagKeys) && tagKeys.includes(RUN_TAG_KEY)) throw new SafetyRefusal(`refusing ${operation}: it would change the ${RUN_TAG_KEY} tag`);
    if (operation === 'RetireGrant' && typeof input.KeyId !== 'string') {
      throw new SafetyRefusal('refusing RetireGrant without a KeyId: a grant token alone may name a key this run did not create');
    }
    for (const member of MUTATING_MEMBERS[operation] ?? []) {
      const value = input[member];
      if (typeof value === 'string' && !this.owns(value)) {
        throw new SafetyRefusal(`refusing ${operation}: ${member} '${value}' names a resource this run did not create`);
      }
    }
  }

  private ledger(entry: LedgerEntry): void {
    if (this.ledgerPath) appendFileSync(this.ledgerPath, `${JSON.stringify(entry)}\n`);
  }
}
