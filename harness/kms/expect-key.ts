/**
 * @module harness/kms/expect-key
 * "The key did not change": the check every refused request ends with.
 */
import type { KeyMetadata, KMSClient } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { describeKey } from './keys.ts';

/** The fields a refused request must leave as they were. */
const WATCHED = ['KeyState', 'Enabled', 'ExpirationModel', 'ValidTo', 'CurrentKeyMaterialId', 'DeletionDate'] as const;

/** Reads the key again and checks its state, material and expiration settings are as in `before`. */
export async function expectKeyUnchanged(client: KMSClient, keyId: string, before: KeyMetadata): Promise<void> {
  const after = await describeKey(client, keyId);
  const pick = (md: KeyMetadata) => Object.fromEntries(WATCHED.map((k) => [k, md[k] instanceof Date ? (md[k] as Date).toISOString() : md[k]]));
  expect(pick(after), `key ${keyId} changed`).toEqual(pick(before));
}

/**
 * `{ CurrentKeyMaterialId: id }` to match in a key's metadata, or nothing when the target never told
 * the id (no KeyMaterialId from ImportKeyMaterial, no CurrentKeyMaterialId from CreateKey): whether
 * it reports material ids is KEY-02's and IKM-*'s finding, not every later check's.
 */
export function sameMaterial(id: string | undefined): { CurrentKeyMaterialId?: string } {
  return id === undefined ? {} : { CurrentKeyMaterialId: id };
}
