/**
 * The reference endpoint answers the AWS CLI with nothing but the standard environment variables
 * (AWS_ENDPOINT_URL_KMS, region, access keys), as `kms-conformance serve` prints them.
 * Skipped, with the reason, where the `aws` command is not installed (.ci/run installs it).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIMARY_ACCOUNT } from '../reference/accounts.ts';
import { startReferenceServer, type RunningReference } from '../reference/server.ts';
import { cleanEnv } from './cli-support.ts';

// The server runs in this process: the CLI must run asynchronously, or it would wait on a blocked loop.
const run = promisify(execFile);
const hasAwsCli = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasAwsCli)(`the AWS CLI against the reference endpoint${hasAwsCli ? '' : ' (skipped: no `aws` command on PATH)'}`, () => {
  let ref: RunningReference;
  let env: NodeJS.ProcessEnv;
  const aws = async (...args: string[]) => (await run('aws', ['kms', ...args, '--output', 'json'], { env, encoding: 'utf8' })).stdout;

  beforeAll(async () => {
    ref = await startReferenceServer({ port: 0, log: () => {} });
    const cred = PRIMARY_ACCOUNT.credentials[0]!;
    env = cleanEnv({
      AWS_ENDPOINT_URL_KMS: ref.url,
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: cred.accessKeyId,
      AWS_SECRET_ACCESS_KEY: cred.secretAccessKey,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    });
  });
  afterAll(() => ref.close());

  it('creates an EXTERNAL key, describes it, and gets import parameters', async () => {
    const created = JSON.parse(await aws('create-key', '--origin', 'EXTERNAL')).KeyMetadata;
    expect(created).toMatchObject({ KeyState: 'PendingImport', Origin: 'EXTERNAL' });
    const described = JSON.parse(await aws('describe-key', '--key-id', created.Arn)).KeyMetadata;
    expect(described.KeyId).toBe(created.KeyId);
    const params = JSON.parse(await aws('get-parameters-for-import', '--key-id', created.KeyId, '--wrapping-algorithm', 'RSAES_OAEP_SHA_256', '--wrapping-key-spec', 'RSA_2048'));
    expect(params.KeyId).toBe(created.Arn);
    expect(params.PublicKey.length).toBeGreaterThan(100);
  });

  it('encrypts and decrypts with an AWS_KMS key', async () => {
    const key = JSON.parse(await aws('create-key')).KeyMetadata;
    // CLI v1 takes blobs from files (fileb://) as raw bytes, and prints them base64-encoded.
    const dir = mkdtempSync(join(tmpdir(), 'kmsct-awscli-'));
    writeFileSync(join(dir, 'plain'), 'hello');
    const ct = JSON.parse(await aws('encrypt', '--key-id', key.KeyId, '--plaintext', `fileb://${join(dir, 'plain')}`)).CiphertextBlob;
    writeFileSync(join(dir, 'cipher'), Buffer.from(ct, 'base64'));
    const pt = JSON.parse(await aws('decrypt', '--ciphertext-blob', `fileb://${join(dir, 'cipher')}`)).Plaintext;
    expect(Buffer.from(pt, 'base64').toString()).toBe('hello');
  });

  it('reports KMS errors the way the CLI expects them', async () => {
    const failure = await run('aws', ['kms', 'describe-key', '--key-id', 'not-a-key'], { env, encoding: 'utf8' }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBeGreaterThan(0);
    expect(failure?.stderr).toContain("(NotFoundException) when calling the DescribeKey operation: Invalid keyId 'not-a-key'");
  });
});
