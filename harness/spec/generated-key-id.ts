/**
 * @module harness/spec/generated-key-id
 * Property-based checks generate key ids themselves (seeded, so a failure replays with the same
 * values). The safety gate lets a mutating call name only a key this run created or an id from
 * `syntheticKeyId()`; `admitGeneratedKeyId` admits a generated id as synthetic once the target has
 * shown that it names no key of the caller.
 */
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { SafetyRefusal } from '../resources/registry.ts';
import { workerState } from './context.ts';
import type { SpecContext } from './requirement-test.ts';

const KEY_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;

/** Ids already admitted in this worker: each is looked up once. */
const admitted = new Set<string>();

/**
 * Lets the safety gate accept `keyId` (a lowercase UUID or `mrk-` id a generator produced) after
 * DescribeKey has answered with an error for it; refuses when it names an existing key.
 */
export async function admitGeneratedKeyId(kms: SpecContext, keyId: string): Promise<void> {
  if (!KEY_ID.test(keyId)) throw new Error(`admitGeneratedKeyId: '${keyId}' is not a lowercase key id or mrk- id`);
  if (admitted.has(keyId)) return;
  const exists = await kms.primary.send(new DescribeKeyCommand({ KeyId: keyId })).then(
    () => true,
    (e: { $metadata?: unknown }) => {
      if (!e?.$metadata) throw e; // no answer at all: nothing is shown
      return false;
    },
  );
  if (exists) throw new SafetyRefusal(`refusing generated key id '${keyId}': it names an existing key`);
  workerState().registry.admitSynthetic(keyId);
  admitted.add(keyId);
}
