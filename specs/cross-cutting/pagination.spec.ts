/**
 * Pagination of every List operation (and DescribeCustomKeyStores): with a Limit smaller than the
 * list, an answer is Truncated with a NextMarker, and passing that marker back continues where the
 * page ended, until an answer is not Truncated and has no NextMarker; the pages together hold every
 * item once. Each operation models Limit (1–1000), Marker, NextMarker and Truncated (botocore
 * 1.44.8); ListKeyRotations' paging is checked in the rotation specs (ROT-*).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html
 */
import {
  CreateAliasCommand,
  CreateGrantCommand,
  DescribeCustomKeyStoresCommand,
  ListAliasesCommand,
  ListGrantsCommand,
  ListKeyPoliciesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  ListRetirableGrantsCommand,
  TagResourceCommand,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { createKmsKey } from '#harness/kms/index.ts';
import { apiRef, expectKmsError, requirement, type SpecContext } from '#harness/spec/index.ts';

interface Page {
  items: string[];
  NextMarker?: string | undefined;
  Truncated?: boolean | undefined;
}

/** Most pages a walk may take (a real account can hold many keys and grants): a loop that never ends is a finding. */
const MAX_PAGES = 500;

/** Every page from the first (Limit `limit`) on, following NextMarker while Truncated; `items` names each page's items. */
async function walk<O extends { NextMarker?: string | undefined; Truncated?: boolean | undefined }>(
  send: (paging: { Limit: number; Marker?: string }) => Promise<O>,
  items: (answer: O) => string[],
  limit = 2,
): Promise<Page[]> {
  const pages: Page[] = [];
  let marker: string | undefined;
  for (;;) {
    const o = await send({ Limit: limit, ...(marker && { Marker: marker }) });
    const page: Page = { items: items(o), NextMarker: o.NextMarker, Truncated: o.Truncated };
    pages.push(page);
    if (!page.Truncated) return pages;
    if (!page.NextMarker) throw new Error(`page ${pages.length} is Truncated but has no NextMarker`);
    if (pages.length >= MAX_PAGES) throw new Error(`still Truncated after ${MAX_PAGES} pages`);
    marker = page.NextMarker;
  }
}

/** The paging rules, on the pages of a list that holds at least `ours` (the items this check made). */
function expectPaged(pages: Page[], limit: number, ours: readonly string[], exact: boolean): void {
  expect(pages[0]!.items.length, 'the first page holds Limit items').toBe(limit);
  expect(pages[0]!.Truncated, 'the first page is Truncated').toBe(true);
  for (const p of pages) expect(p.items.length, 'no page holds more than Limit items').toBeLessThanOrEqual(limit);
  const last = pages.at(-1)!;
  expect(last.Truncated, 'the last page is not Truncated').toBe(false);
  expect(last.NextMarker, 'the last page has no NextMarker').toBeUndefined();
  const all = pages.flatMap((p) => p.items);
  expect(all.filter((x, i) => all.indexOf(x) !== i), 'no item on two pages').toEqual([]);
  if (exact) expect([...all].sort()).toEqual([...ours].sort());
  else for (const x of ours) expect(all, 'every item is on some page').toContain(x);
}

const key = (kms: SpecContext, label: string) => createKmsKey(kms.primary, `kms-conformance ${label}`);

async function threeGrants(kms: SpecContext, k: KeyMetadata): Promise<string[]> {
  const root = `arn:${k.Arn!.split(':')[1]}:iam::${k.Arn!.split(':')[4]}:root`;
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const g = await kms.primary.send(new CreateGrantCommand({ KeyId: k.KeyId, GranteePrincipal: root, RetiringPrincipal: root, Operations: ['Decrypt'], Name: `kms-conformance-page-${i}` }));
    ids.push(g.GrantId!);
  }
  return ids;
}

const CASES: { id: string; op: string; statement: string; check: (kms: SpecContext, label: string) => Promise<void> }[] = [
  {
    id: 'PAGE-01', op: 'ListKeys', statement: 'ListKeys with Limit 2 pages through every key of the account, each of this check\'s three keys once',
    check: async (kms, label) => {
      const ours: string[] = [];
      for (let i = 0; i < 3; i++) ours.push((await key(kms, label)).KeyId!);
      const pages = await walk((p) => kms.primary.send(new ListKeysCommand(p)), (o) => (o.Keys ?? []).map((k) => k.KeyId!));
      expectPaged(pages, 2, ours, false);
    },
  },
  {
    id: 'PAGE-02', op: 'ListAliases', statement: 'ListAliases of a key with three aliases and Limit 2 answers two, Truncated, then the third from NextMarker',
    check: async (kms, label) => {
      const k = await key(kms, label);
      const names = [0, 1, 2].map((i) => kms.aliasName(`${label}-${i}`));
      for (const AliasName of names) await kms.primary.send(new CreateAliasCommand({ AliasName, TargetKeyId: k.KeyId }));
      const pages = await walk((p) => kms.primary.send(new ListAliasesCommand({ KeyId: k.KeyId, ...p })), (o) => (o.Aliases ?? []).map((a) => a.AliasName!));
      expectPaged(pages, 2, names, true);
    },
  },
  {
    id: 'PAGE-03', op: 'ListGrants', statement: 'ListGrants of a key with three grants and Limit 2 answers two, Truncated, then the third from NextMarker',
    check: async (kms, label) => {
      const k = await key(kms, label);
      const ids = await threeGrants(kms, k);
      const pages = await walk((p) => kms.primary.send(new ListGrantsCommand({ KeyId: k.KeyId, ...p })), (o) => (o.Grants ?? []).map((g) => g.GrantId!));
      expectPaged(pages, 2, ids, true);
    },
  },
  {
    id: 'PAGE-04', op: 'ListRetirableGrants', statement: 'ListRetirableGrants with Limit 2 pages through every grant the principal may retire, each of this check\'s three once',
    check: async (kms, label) => {
      const k = await key(kms, label);
      const ids = await threeGrants(kms, k);
      const root = `arn:${k.Arn!.split(':')[1]}:iam::${k.Arn!.split(':')[4]}:root`;
      const pages = await walk((p) => kms.primary.send(new ListRetirableGrantsCommand({ RetiringPrincipal: root, ...p })), (o) => (o.Grants ?? []).map((g) => g.GrantId!));
      expectPaged(pages, 2, ids, false);
    },
  },
  {
    id: 'PAGE-05', op: 'ListResourceTags', statement: 'ListResourceTags of a key with four tags (three and the run tag) and Limit 2 answers two pages of two',
    check: async (kms, label) => {
      const k = await key(kms, label);
      await kms.primary.send(new TagResourceCommand({ KeyId: k.KeyId, Tags: [0, 1, 2].map((i) => ({ TagKey: `kms-conformance-page-${i}`, TagValue: String(i) })) }));
      const pages = await walk((p) => kms.primary.send(new ListResourceTagsCommand({ KeyId: k.KeyId, ...p })), (o) => (o.Tags ?? []).map((t) => t.TagKey!));
      expectPaged(pages, 2, [0, 1, 2].map((i) => `kms-conformance-page-${i}`), false);
      expect(pages.flatMap((p) => p.items)).toHaveLength(4);
    },
  },
];

for (const c of CASES) {
  requirement(
    { id: c.id, statement: c.statement, operation: c.op, source: { url: apiRef(c.op), section: 'Request Parameters: Limit, Marker; Response Elements: NextMarker, Truncated' }, evidence: 'documented', strength: 'must' },
    (kms) => c.check(kms, c.id),
  );
}

requirement(
  {
    id: 'PAGE-06',
    statement: 'ListKeyPolicies with Limit 1 answers the one policy name, default, not Truncated and without NextMarker',
    operation: 'ListKeyPolicies',
    source: { url: apiRef('ListKeyPolicies'), section: 'Response Elements (PolicyNames, the only valid name is default)' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const k = await key(kms, 'PAGE-06');
    const o = await kms.primary.send(new ListKeyPoliciesCommand({ KeyId: k.KeyId, Limit: 1 }));
    expect(o.PolicyNames).toEqual(['default']);
    expect(o.Truncated).toBe(false);
    expect(o.NextMarker).toBeUndefined();
  },
);

requirement(
  {
    id: 'PAGE-07',
    statement: 'Limit 0 is refused with ValidationException by ListKeys, ListAliases, ListResourceTags and DescribeCustomKeyStores (the model\'s minimum is 1)',
    operation: 'ListKeys',
    source: { url: apiRef('ListKeys'), section: 'Request Parameters: Limit (valid range 1 to 1000)' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const k = await key(kms, 'PAGE-07');
    await expectKmsError(kms.primary.send(new ListKeysCommand({ Limit: 0 })), 'ValidationException', 400);
    await expectKmsError(kms.primary.send(new ListAliasesCommand({ Limit: 0 })), 'ValidationException', 400);
    await expectKmsError(kms.primary.send(new ListResourceTagsCommand({ KeyId: k.KeyId, Limit: 0 })), 'ValidationException', 400);
    await expectKmsError(kms.primary.send(new DescribeCustomKeyStoresCommand({ Limit: 0 })), 'ValidationException', 400);
  },
);
