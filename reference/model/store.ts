/**
 * @module reference/model/store
 * All state of the reference endpoint: per account, per region, the keys, aliases and
 * outstanding import tokens. Regions are separate key spaces, as in AWS.
 */
import type { KmsKey } from './key.ts';
import type { KeyObject } from 'node:crypto';

export interface Alias {
  aliasName: string;
  aliasArn: string;
  targetKeyId: string;
  creationDate: Date;
  lastUpdatedDate: Date;
}

/** What GetParametersForImport hands out, kept server-side: the token is an opaque handle to it. */
export interface ImportParameters {
  keyArn: string;
  privateKey: KeyObject;
  wrappingAlgorithm: string;
  wrappingKeySpec: string;
  validTo: Date;
}

export class RegionStore {
  readonly keys = new Map<string, KmsKey>();
  readonly aliases = new Map<string, Alias>();
  readonly importTokens = new Map<string, ImportParameters>();
}

/** Where a grant token leads: tokens are opaque handles, as AWS's are to their callers. */
export interface GrantTokenTarget {
  accountId: string;
  region: string;
  keyId: string;
  grantId: string;
}

/** Every account's every region. Stores are created on first use. */
export class Store {
  private readonly stores = new Map<string, RegionStore>();
  /** Every grant token handed out, by token (RetireGrant and GrantTokens name grants by token alone). */
  readonly grantTokens = new Map<string, GrantTokenTarget>();

  region(accountId: string, region: string): RegionStore {
    const k = `${accountId}/${region}`;
    let s = this.stores.get(k);
    if (!s) {
      s = new RegionStore();
      this.stores.set(k, s);
    }
    return s;
  }

  /** The store if it exists, without creating it. */
  peek(accountId: string, region: string): RegionStore | undefined {
    return this.stores.get(`${accountId}/${region}`);
  }
}
