/**
 * @module harness/clients/sdk-client
 * An @aws-sdk/client-kms client per principal, wired to the target, recording evidence, and guarded:
 * CreateKey is tagged with the run id and registered; a mutation of anything the run did not create
 * is refused before it is sent. Against real AWS (or a target with `rateLimits`) every attempt waits
 * for the run's rate limiter, and throttling answers, and only those, are retried.
 */
import { KMSClient } from '@aws-sdk/client-kms';
import type { PrincipalName, TargetConfig } from '../config/target-config.ts';
import { RUN_TAG_KEY, type ResourceRegistry } from '../resources/registry.ts';
import { credentialsFor } from './credentials.ts';
import { sharedRateLimiter, type RateLimiter } from './rate-limiter.ts';
import { RecordingHandler } from './recording-handler.ts';
import { ThrottleOnlyRetryStrategy } from './throttle-retry.ts';

/** Clients of targets that answer stale reads for a while after a change (see harness/kms/consistency.ts). */
const eventuallyConsistent = new WeakSet<KMSClient>();

/** True when reads through `client` may lag behind its writes (real AWS, or a target that says so). */
export function isEventuallyConsistent(client: KMSClient): boolean {
  return eventuallyConsistent.has(client);
}

export interface ClientOptions {
  /** When given, CreateKey is tagged and registered, and mutations are guarded. */
  registry?: ResourceRegistry;
  /** Attempts per call (only throttling is retried); default the target's (kinds.ts). */
  maxAttempts?: number;
  /** Overrides the run's shared rate limiter (tests). */
  limiter?: RateLimiter;
  /** Another Region of the target than its own (multi-Region replicas); the target's endpoint still answers. */
  region?: string;
}

export function createKmsClient(target: TargetConfig, principal: PrincipalName, options: ClientOptions = {}): KMSClient {
  const p = target.principals[principal];
  if (!p) throw new Error(`the target has no ${principal} principal`);
  const maxAttempts = options.maxAttempts ?? target.maxAttempts;
  const client = new KMSClient({
    region: options.region ?? target.region,
    ...(target.endpoint && { endpoint: target.endpoint }),
    credentials: credentialsFor(p),
    maxAttempts,
    retryStrategy: new ThrottleOnlyRetryStrategy({ maxAttempts }),
    requestHandler: new RecordingHandler(principal),
  });
  if (target.eventualConsistency) eventuallyConsistent.add(client);
  const limiter = options.limiter ?? (target.rateLimits && sharedRateLimiter(target.rateLimits));
  if (limiter) {
    // After the retry middleware, so that every attempt, retries included, waits for its slot.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        await limiter.acquire(String(context.commandName ?? '').replace(/Command$/, ''));
        return next(args);
      },
      { step: 'finalizeRequest', name: 'kmsConformanceRateLimit', priority: 'low' },
    );
  }
  if (p.headers) {
    const extra = p.headers;
    // Build step: before signing, so the headers are signed like the rest.
    client.middlewareStack.add(
      (next) => async (args) => {
        const req = args.request as { headers?: Record<string, string> };
        if (req.headers) Object.assign(req.headers, extra);
        return next(args);
      },
      { step: 'build', name: 'kmsConformancePrincipalHeaders' },
    );
  }
  const registry = options.registry;
  if (registry) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const op = String(context.commandName ?? '').replace(/Command$/, '');
        const input = args.input as Record<string, unknown>;
        registry.assertMayMutate(op, input);
        if (op === 'CreateKey' || op === 'ReplicateKey') {
          registry.assertMayCreateKey();
        }
        if (op === 'CreateKey') {
          const tags = (input.Tags as { TagKey: string; TagValue: string }[] | undefined) ?? [];
          // Always this run's id, whatever the caller passed, so that the key can be traced to this run.
          input.Tags = [...tags.filter((t) => t.TagKey !== RUN_TAG_KEY), { TagKey: RUN_TAG_KEY, TagValue: registry.runId }];
        }
        const out = await next(args);
        const output = out.output as Record<string, any>;
        if (op === 'CreateKey' && output.KeyMetadata?.KeyId) {
          registry.registerKey({ keyId: output.KeyMetadata.KeyId, arn: output.KeyMetadata.Arn ?? output.KeyMetadata.KeyId, principal });
        }
        // A replica is a key of its own (in another Region) that teardown must schedule for deletion.
        if (op === 'ReplicateKey' && output.ReplicaKeyMetadata?.Arn) {
          registry.registerKey({ keyId: output.ReplicaKeyMetadata.KeyId ?? input.KeyId, arn: output.ReplicaKeyMetadata.Arn, principal });
        }
        if (op === 'CreateCustomKeyStore' && typeof output.CustomKeyStoreId === 'string') registry.registerStore(output.CustomKeyStoreId);
        if (op === 'CreateAlias') registry.registerAlias(principal, input.AliasName as string);
        if (op === 'DeleteAlias') registry.forgetAlias(principal, input.AliasName as string);
        return out;
      },
      { step: 'initialize', name: 'kmsConformanceGuard', priority: 'high' },
    );
  }
  return client;
}
