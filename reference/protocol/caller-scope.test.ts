/**
 * Who the caller is and where: the account comes from the access key, the region from the
 * signature's credential scope (not from the endpoint's host name). Each (account, region) pair is
 * its own key space (ground truth REQ-K6, REQ-X1).
 */
import { CreateKeyCommand, DescribeKeyCommand, ListKeysCommand, type KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIMARY_ACCOUNT, SECONDARY_ACCOUNT } from '../accounts.ts';
import { startReferenceServer, type RunningReference } from '../server.ts';
import { expectKmsError } from '../test-support/expect-kms-error.ts';
import { readAnswer, signRequest } from '../test-support/signed-request.ts';
import { startSdkTarget, type SdkTarget } from '../test-support/sdk-target.ts';

describe('regions and accounts through the SDK', () => {
  let target: SdkTarget;
  let east: KMSClient;
  let west: KMSClient;
  let secondary: KMSClient;

  beforeAll(async () => {
    target = await startSdkTarget();
    east = target.client({ region: 'us-east-1' });
    west = target.client({ region: 'eu-west-1' });
    secondary = target.client({ credential: SECONDARY_ACCOUNT.credentials[0]! });
  });
  afterAll(() => target.close());

  it('a key is created in the region and account of the signing credential', async () => {
    const inEast = (await east.send(new CreateKeyCommand({}))).KeyMetadata!;
    const inWest = (await west.send(new CreateKeyCommand({}))).KeyMetadata!;
    const ofSecondary = (await secondary.send(new CreateKeyCommand({}))).KeyMetadata!;
    expect(inEast.Arn).toBe(`arn:aws:kms:us-east-1:111111111111:key/${inEast.KeyId}`);
    expect(inWest.Arn).toBe(`arn:aws:kms:eu-west-1:111111111111:key/${inWest.KeyId}`);
    expect(ofSecondary.Arn).toBe(`arn:aws:kms:us-east-1:222222222222:key/${ofSecondary.KeyId}`);
    expect(ofSecondary.AWSAccountId).toBe(SECONDARY_ACCOUNT.accountId);
  });

  it('a key created in us-east-1 is not found from eu-west-1 by its id', async () => {
    const key = (await east.send(new CreateKeyCommand({}))).KeyMetadata!;
    await expectKmsError(
      west.send(new DescribeKeyCommand({ KeyId: key.KeyId })),
      'NotFoundException',
      `Key 'arn:aws:kms:eu-west-1:111111111111:key/${key.KeyId}' does not exist`,
    );
    const listed = await west.send(new ListKeysCommand({}));
    expect(listed.Keys?.map((k) => k.KeyId)).not.toContain(key.KeyId);
  });

  it('a key of account 111111111111 is not found by account 222222222222 by its id', async () => {
    const key = (await east.send(new CreateKeyCommand({}))).KeyMetadata!;
    await expectKmsError(
      secondary.send(new DescribeKeyCommand({ KeyId: key.KeyId })),
      'NotFoundException',
      `Key 'arn:aws:kms:us-east-1:222222222222:key/${key.KeyId}' does not exist`,
    );
    const listed = await secondary.send(new ListKeysCommand({}));
    expect(listed.Keys?.map((k) => k.KeyId)).not.toContain(key.KeyId);
  });
});

describe('region from the credential scope of a raw request', () => {
  let server: RunningReference;
  beforeAll(async () => {
    server = await startReferenceServer({ log: () => undefined });
  });
  afterAll(() => server.close());

  it.each(['ap-southeast-2', 'cn-north-1'])('signing for %s on the same URL creates the key there', async (region) => {
    const partition = region.startsWith('cn-') ? 'aws-cn' : 'aws';
    const parts = await signRequest({ url: server.url, operation: 'CreateKey', body: {}, region, signingDate: new Date() });
    const answer = await readAnswer(await fetch(parts.url, parts.init));
    expect(answer.status).toBe(200);
    const md = answer.body?.KeyMetadata as { Arn: string; KeyId: string };
    expect(md.Arn).toBe(`arn:${partition}:kms:${region}:${PRIMARY_ACCOUNT.accountId}:key/${md.KeyId}`);
  });
});

describe('regions the reference does not serve', () => {
  let server: RunningReference;
  beforeAll(async () => {
    server = await startReferenceServer({ port: 0, log: () => undefined, regions: ['us-east-1', 'eu-west-1'] });
  });
  afterAll(() => server.close());

  async function listKeysIn(region: string) {
    const { url, init } = await signRequest({ url: server.url, operation: 'ListKeys', body: {}, signingDate: new Date(), region });
    return readAnswer(await fetch(url, init));
  }

  it.each(['nowhere-1', '..', '*', '__proto__', 'a'.repeat(300), 'ap-south-1'])("a request signed for '%s' is refused with InvalidSignatureException, and makes no key space", async (region) => {
    const a = await listKeysIn(region);
    expect(a.status).toBe(400);
    expect(a.body?.__type).toBe('InvalidSignatureException');
    expect(String(a.body?.message)).toMatch(/^Credential should be scoped to a valid region, not '.{1,65}'\.$/u);
  });

  it('the regions it serves are served', async () => {
    for (const region of ['us-east-1', 'eu-west-1']) expect((await listKeysIn(region)).status).toBe(200);
  });

  it('by default it serves every region KMS has an endpoint in, and no other', async () => {
    const all = await startReferenceServer({ port: 0, log: () => undefined });
    try {
      for (const region of ['us-east-1', 'ap-southeast-7', 'cn-north-1', 'us-gov-west-1', 'eusc-de-east-1']) {
        const { url, init } = await signRequest({ url: all.url, operation: 'ListKeys', body: {}, signingDate: new Date(), region });
        expect((await fetch(url, init)).status, region).toBe(200);
      }
      const { url, init } = await signRequest({ url: all.url, operation: 'ListKeys', body: {}, signingDate: new Date(), region: 'us-east-9' });
      expect((await readAnswer(await fetch(url, init))).body?.__type).toBe('InvalidSignatureException');
    } finally {
      await all.close();
    }
  });
});
