/**
 * @module reference/accounts
 * The accounts the reference endpoint knows, and their credentials. The defaults are documented in
 * the README so that `kms-conformance serve` and `kms-conformance run --endpoint` work with no setup.
 * They are test credentials for a local endpoint, not secrets.
 */

export interface ReferenceCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials must present this token (X-Amz-Security-Token). */
  sessionToken?: string;
}

export interface ReferenceAccount {
  accountId: string;
  credentials: ReferenceCredential[];
}

/** Account of the default `primary` principal. */
export const PRIMARY_ACCOUNT: ReferenceAccount = {
  accountId: '111111111111',
  credentials: [
    { accessKeyId: 'AKIAKMSREFPRIMARY001', secretAccessKey: 'kms-conformance-reference-primary-secret' },
    {
      accessKeyId: 'ASIAKMSREFPRIMARY001',
      secretAccessKey: 'kms-conformance-reference-primary-session-secret',
      sessionToken: 'kms-conformance-reference-primary-session-token',
    },
  ],
};

/** Account of the default `secondary` principal, for cross-account checks. */
export const SECONDARY_ACCOUNT: ReferenceAccount = {
  accountId: '222222222222',
  credentials: [{ accessKeyId: 'AKIAKMSREFSECONDARY1', secretAccessKey: 'kms-conformance-reference-secondary-secret' }],
};

export const DEFAULT_ACCOUNTS: readonly ReferenceAccount[] = [PRIMARY_ACCOUNT, SECONDARY_ACCOUNT];

export interface CredentialMatch {
  accountId: string;
  credential: ReferenceCredential;
}

/** Finds the account and credential an access key id belongs to. */
export function findCredential(accounts: readonly ReferenceAccount[], accessKeyId: string): CredentialMatch | undefined {
  for (const a of accounts) {
    const credential = a.credentials.find((c) => c.accessKeyId === accessKeyId);
    if (credential) return { accountId: a.accountId, credential };
  }
  return undefined;
}
