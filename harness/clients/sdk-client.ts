/**
 * @module harness/clients/sdk-client
 * An @aws-sdk/client-kms client per principal, wired to the target, recording evidence, and guarded:
 * CreateKey is tagged with the run id and registered; a mutation of anything the run did not create
 * is refused before it is sent.
 */
import { KMSClient } from '@aws-sdk/client-kms';
import type { PrincipalName, TargetConfig } from '../config/target-config.ts';
import { RUN_TAG_KEY, type ResourceRegistry } from '../resources/registry.ts';
import { credentialsFor } from './credentials.ts';
import { RecordingHandler } from './recording-handler.ts';

export interface ClientOptions {
  /** When given, CreateKey is tagged and registered, and mutations are guarded. */
  registry?: ResourceRegistry;
  /** Attempts per call; 1 keeps evidence one request per call. */
  maxAttempts?: number;
}

export function createKmsClient(target: TargetConfig, principal: PrincipalName, options: ClientOptions = {}): KMSClient {
  const p = target.principals[principal];
  if (!p) throw new Error(`the target has no ${principal} principal`);
  const client = new KMSClient({
    region: target.region,
    ...(target.endpoint && { endpoint: target.endpoint }),
    credentials: credentialsFor(p),
    maxAttempts: options.maxAttempts ?? 1,
    requestHandler: new RecordingHandler(principal),
  });
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
        if (op === 'CreateKey') {
          const tags = (input.Tags as { TagKey: string; TagValue: string }[] | undefined) ?? [];
          if (!tags.some((t) => t.TagKey === RUN_TAG_KEY)) input.Tags = [...tags, { TagKey: RUN_TAG_KEY, TagValue: registry.runId }];
        }
        const out = await next(args);
        const output = out.output as Record<string, any>;
        if (op === 'CreateKey' && output.KeyMetadata?.KeyId) {
          registry.registerKey({ keyId: output.KeyMetadata.KeyId, arn: output.KeyMetadata.Arn ?? output.KeyMetadata.KeyId, principal });
        }
        if (op === 'CreateAlias') registry.registerAlias(principal, input.AliasName as string);
        if (op === 'DeleteAlias') registry.forgetAlias(principal, input.AliasName as string);
        return out;
      },
      { step: 'initialize', name: 'kmsConformanceGuard', priority: 'high' },
    );
  }
  return client;
}
