/**
 * Paging while other callers change the listing: ListRetirableGrants, ListGrants and ListAliases page
 * by cursor, so an item removed from an earlier page neither repeats an item on the next page nor
 * makes the walk skip one. (With positional markers, retiring a grant of the first page moved the
 * third grant onto the second page's position and handed out a grant twice under load.)
 */
import { CreateAliasCommand, CreateGrantCommand, CreateKeyCommand, DeleteAliasCommand, ListAliasesCommand, ListGrantsCommand, ListRetirableGrantsCommand, RetireGrantCommand, type KMSClient } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../test-support/clock.ts';
import { expectKmsError } from '../test-support/expect-kms-error.ts';
import { startSdkTarget, type SdkTarget } from '../test-support/sdk-target.ts';

const clock = new TestClock();
let target: SdkTarget;

beforeAll(async () => {
  target = await startSdkTarget({ clock });
});
afterAll(() => target.close());

async function keyIn(kms: KMSClient): Promise<string> {
  return (await kms.send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!;
}

describe('paging while the listing changes', () => {
  it('ListRetirableGrants: retiring a grant of the first page leaves the rest for the next page, once each', async () => {
    const kms = target.client({ region: 'ap-south-2' });
    const root = 'arn:aws:iam::111111111111:root';
    const keyId = await keyIn(kms);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push((await kms.send(new CreateGrantCommand({ KeyId: keyId, GranteePrincipal: root, RetiringPrincipal: root, Operations: ['Encrypt'] }))).GrantId!);
      clock.advance(1);
    }
    const first = await kms.send(new ListRetirableGrantsCommand({ RetiringPrincipal: root, Limit: 2 }));
    expect(first.Grants!.map((g) => g.GrantId)).toEqual(ids.slice(0, 2));
    await kms.send(new RetireGrantCommand({ KeyId: keyId, GrantId: ids[0] }));
    const second = await kms.send(new ListRetirableGrantsCommand({ RetiringPrincipal: root, Limit: 2, Marker: first.NextMarker }));
    expect(second.Grants!.map((g) => g.GrantId)).toEqual(ids.slice(2));
    expect(second.Truncated).toBe(false);
  });

  it('ListGrants: a grant made after the first page is on a later page; none repeats', async () => {
    const kms = target.client({ region: 'ap-south-2' });
    const keyId = await keyIn(kms);
    const grant = async () => {
      clock.advance(1);
      return (await kms.send(new CreateGrantCommand({ KeyId: keyId, GranteePrincipal: 'arn:aws:iam::111111111111:root', Operations: ['Decrypt'] }))).GrantId!;
    };
    const ids = [await grant(), await grant(), await grant()];
    const first = await kms.send(new ListGrantsCommand({ KeyId: keyId, Limit: 2 }));
    ids.push(await grant());
    const second = await kms.send(new ListGrantsCommand({ KeyId: keyId, Limit: 2, Marker: first.NextMarker }));
    expect([...first.Grants!, ...second.Grants!].map((g) => g.GrantId)).toEqual(ids);
  });

  it('ListAliases: deleting an alias of the first page skips nothing', async () => {
    const kms = target.client({ region: 'me-central-1' });
    const keyId = await keyIn(kms);
    const names = ['alias/page-a', 'alias/page-b', 'alias/page-c'];
    for (const AliasName of names) {
      clock.advance(1);
      await kms.send(new CreateAliasCommand({ AliasName, TargetKeyId: keyId }));
    }
    const first = await kms.send(new ListAliasesCommand({ KeyId: keyId, Limit: 2 }));
    expect(first.Aliases!.map((a) => a.AliasName)).toEqual(names.slice(0, 2));
    await kms.send(new DeleteAliasCommand({ AliasName: 'alias/page-a' }));
    const second = await kms.send(new ListAliasesCommand({ KeyId: keyId, Limit: 2, Marker: first.NextMarker }));
    expect(second.Aliases!.map((a) => a.AliasName)).toEqual(['alias/page-c']);
  });

  it('a positional marker of another listing is not a cursor: InvalidMarkerException', async () => {
    const kms = target.client({ region: 'me-central-1' });
    const positional = Buffer.from('kmsref:2').toString('base64url');
    await expectKmsError(kms.send(new ListAliasesCommand({ Marker: positional })), 'InvalidMarkerException');
  });
});
