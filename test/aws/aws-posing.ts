/**
 * Helpers for the aws-target tests: the embedded reference "posing as AWS". The SDK is pointed at it
 * with AWS_ENDPOINT_URL_KMS (as any SDK user could), and the reference's credentials are given as two
 * named profiles in temporary AWS config files, so the aws target goes through profiles as it would
 * against real accounts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateKeyCommand, DescribeKeyCommand, KMSClient, ListKeysCommand, ListResourceTagsCommand, type KeyMetadata, type Tag } from '@aws-sdk/client-kms';
import { PRIMARY_ACCOUNT, SECONDARY_ACCOUNT } from '../../reference/accounts.ts';
import { startReferenceServer, type RunningReference } from '../../reference/server.ts';
import { cleanEnv } from '../cli-support.ts';

/** The region the primary profile names (no AWS_REGION is set: the target must read it from the profile). */
export const PROFILE_REGION = 'eu-west-2';
export const RUN_TAG = 'kms-conformance:run-id';

export interface PosingAws {
  ref: RunningReference;
  env: NodeJS.ProcessEnv;
  dir: string;
  client(principal?: 'primary' | 'secondary'): KMSClient;
  close(): Promise<void>;
}

export async function posingAsAws(faults: string[] = []): Promise<PosingAws> {
  const ref = await startReferenceServer({ port: 0, faults, log: () => {} });
  const dir = mkdtempSync(join(tmpdir(), 'kmsct-aws-'));
  const p = PRIMARY_ACCOUNT.credentials[0]!;
  const s = SECONDARY_ACCOUNT.credentials[0]!;
  writeFileSync(join(dir, 'config'), `[profile conformance-a]\nregion = ${PROFILE_REGION}\n\n[profile conformance-b]\nregion = ${PROFILE_REGION}\n`);
  writeFileSync(join(dir, 'credentials'),
    `[conformance-a]\naws_access_key_id = ${p.accessKeyId}\naws_secret_access_key = ${p.secretAccessKey}\n\n` +
    `[conformance-b]\naws_access_key_id = ${s.accessKeyId}\naws_secret_access_key = ${s.secretAccessKey}\n`);
  const env = cleanEnv({ AWS_ENDPOINT_URL_KMS: ref.url, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') });
  const clients: KMSClient[] = [];
  return {
    ref,
    env,
    dir,
    client(principal = 'primary') {
      const creds = (principal === 'primary' ? PRIMARY_ACCOUNT : SECONDARY_ACCOUNT).credentials[0]!;
      const c = new KMSClient({ endpoint: ref.url, region: PROFILE_REGION, credentials: creds, maxAttempts: 1 });
      clients.push(c);
      return c;
    },
    async close() {
      for (const c of clients) c.destroy();
      await ref.close();
    },
  };
}

export interface KeyView {
  meta: KeyMetadata;
  tags: Tag[];
  runTag: string | undefined;
}

/** Every key of an account in the profile region, with its tags: read directly, not through the harness. */
export async function keysOf(client: KMSClient): Promise<KeyView[]> {
  const { Keys = [] } = await client.send(new ListKeysCommand({}));
  const out: KeyView[] = [];
  for (const k of Keys) {
    const { KeyMetadata } = await client.send(new DescribeKeyCommand({ KeyId: k.KeyId }));
    const { Tags = [] } = await client.send(new ListResourceTagsCommand({ KeyId: k.KeyId }));
    out.push({ meta: KeyMetadata!, tags: Tags, runTag: Tags.find((t) => t.TagKey === RUN_TAG)?.TagValue });
  }
  return out;
}

/** A key the suite did not create (someone else's), to prove it is left alone. */
export async function foreignKey(client: KMSClient): Promise<KeyMetadata> {
  const { KeyMetadata } = await client.send(new CreateKeyCommand({ Description: 'not the suite\'s', Tags: [{ TagKey: 'owner', TagValue: 'someone-else' }] }));
  return KeyMetadata!;
}
