/**
 * @module reference/test-support/sdk-target
 * Starts the reference on loopback and hands out real @aws-sdk/client-kms clients for it, signed
 * as any of the reference's credentials in any region.
 */
import { Sha256 } from '@smithy/core/checksum';
import { KMSClient, type KMSClientConfig } from '@aws-sdk/client-kms';
import { SignatureV4 } from '@smithy/signature-v4';
import { PRIMARY_ACCOUNT, type ReferenceCredential } from '../accounts.ts';
import { startReferenceServer, type RunningReference, type ServeOptions } from '../server.ts';
import type { TestClock } from './clock.ts';
import { cachedPairGenerator } from './wrapping.ts';

export const DEFAULT_REGION = 'us-east-1';

export interface ClientOptions {
  credential?: ReferenceCredential;
  region?: string;
}

export interface SdkTarget {
  readonly server: RunningReference;
  /** A client for the target; the primary account's long-term key in us-east-1 unless told otherwise. */
  client(options?: ClientOptions): KMSClient;
  /** Destroys every client handed out and stops the server. */
  close(): Promise<void>;
}

export interface SdkTargetOptions extends Omit<ServeOptions, 'now'> {
  /** When given, the server's clock, and the time every client signs with. */
  clock?: TestClock;
}

/**
 * The SDK signs with the system clock (corrected by the Date header of responses); a server on a
 * test clock would refuse that as skewed. With a test clock the clients sign at the test time.
 */
function clockSigner(clock: TestClock, credential: ReferenceCredential, region: string): NonNullable<KMSClientConfig['signer']> {
  const sigv4 = new SignatureV4({ service: 'kms', region, credentials: credential, sha256: Sha256 });
  return async () => ({ sign: (request, options) => sigv4.sign(request, { ...options, signingDate: clock.now() }) });
}

/** Starts a reference server (fast cached wrapping keys unless another generator is given). */
export async function startSdkTarget(options: SdkTargetOptions = {}): Promise<SdkTarget> {
  const { clock, ...serve } = options;
  const server = await startReferenceServer({
    wrappingKeyGenerator: cachedPairGenerator,
    log: () => undefined,
    ...serve,
    ...(clock && { now: clock.now }),
  });
  const clients: KMSClient[] = [];
  return {
    server,
    client({ credential = PRIMARY_ACCOUNT.credentials[0]!, region = DEFAULT_REGION } = {}) {
      const client = new KMSClient({
        endpoint: server.url,
        region,
        credentials: credential,
        // Every failure is asserted as it happens; retries would only hide or slow it.
        maxAttempts: 1,
        ...(clock && { signer: clockSigner(clock, credential, region) }),
      });
      clients.push(client);
      return client;
    },
    async close() {
      for (const c of clients) c.destroy();
      await server.close();
    },
  };
}
