/**
 * @module harness/clients/credentials
 * Credentials of a principal: static keys, a named profile, or the SDK's default chain.
 */
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { PrincipalConfig } from '../config/target-config.ts';

export function credentialsFor(p: PrincipalConfig): AwsCredentialIdentity | AwsCredentialIdentityProvider {
  if (p.accessKeyId && p.secretAccessKey) {
    return { accessKeyId: p.accessKeyId, secretAccessKey: p.secretAccessKey, ...(p.sessionToken && { sessionToken: p.sessionToken }) };
  }
  if (p.profile) return fromIni({ profile: p.profile });
  return fromNodeProviderChain();
}

/** Resolves a principal's credentials once (the raw client signs with them directly). */
export async function resolveCredentials(p: PrincipalConfig): Promise<AwsCredentialIdentity> {
  const c = credentialsFor(p);
  return typeof c === 'function' ? await c() : c;
}
