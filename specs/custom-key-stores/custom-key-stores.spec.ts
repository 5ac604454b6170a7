/**
 * Custom key stores (key-management ground truth §10, MGT-156, MGT-157). The suite never creates a
 * store: CloudHSM clusters and external key store proxies are outside what it can stand up. It
 * checks how an endpoint answers when the store named does not exist (every endpoint can be asked
 * that, with a store id the run made up), and, for a target that declares a connected store of its
 * own (`declared.customKeyStoreId`), that keys can be made in it; elsewhere those checks are not
 * applicable. AWS's error texts for all of these are not known, so only codes are asserted.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-store-overview.html
 */
import {
  ConnectCustomKeyStoreCommand,
  CreateCustomKeyStoreCommand,
  CreateKeyCommand,
  DeleteCustomKeyStoreCommand,
  DescribeCustomKeyStoresCommand,
  DisconnectCustomKeyStoreCommand,
  GenerateRandomCommand,
  UpdateCustomKeyStoreCommand,
} from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { describeKey } from '#harness/kms/index.ts';
import { answerOf, apiRef, expectKmsError, requirement, type SpecContext } from '#harness/spec/index.ts';

const NOT_FOUND = 'CustomKeyStoreNotFoundException';

/** The custom key store the target declares (a connected one it owns), or not applicable. */
function declaredStore(kms: SpecContext): string {
  const id = kms.target.declared?.customKeyStoreId;
  if (typeof id !== 'string') kms.notApplicable('the target declares no custom key store (declared.customKeyStoreId)');
  return id;
}

requirement(
  {
    id: 'CKS-01',
    statement: 'DescribeCustomKeyStores on an endpoint without custom key stores answers an empty CustomKeyStores list and Truncated false',
    operation: 'DescribeCustomKeyStores',
    source: { url: apiRef('DescribeCustomKeyStores'), section: 'Response Syntax', groundTruth: 'MGT-156' },
    evidence: 'inferred',
    strength: 'should',
  },
  async (kms) => {
    if (kms.target.declared?.customKeyStoreId !== undefined) kms.notApplicable('the target declares a custom key store');
    const out = await kms.primary.send(new DescribeCustomKeyStoresCommand({}));
    // A real account may have stores of its own: report them, do not judge them.
    if (kms.target.kind === 'aws' && (out.CustomKeyStores?.length ?? 0) > 0) kms.notApplicable(`the account has ${out.CustomKeyStores!.length} custom key stores`);
    expect(out.CustomKeyStores).toEqual([]);
    expect(out.Truncated).toBe(false);
  },
);

const NAMED_STORE_CASES = [
  { id: 'CKS-02', op: 'DescribeCustomKeyStores', what: 'with a CustomKeyStoreId', call: (kms: SpecContext) => kms.primary.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: kms.syntheticStoreId() })) },
  { id: 'CKS-03', op: 'DescribeCustomKeyStores', what: 'with a CustomKeyStoreName', call: (kms: SpecContext) => kms.primary.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreName: `kms-conformance-${kms.runId}` })) },
  { id: 'CKS-04', op: 'ConnectCustomKeyStore', what: '', call: (kms: SpecContext) => kms.primary.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: kms.syntheticStoreId() })) },
  { id: 'CKS-05', op: 'DisconnectCustomKeyStore', what: '', call: (kms: SpecContext) => kms.primary.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId: kms.syntheticStoreId() })) },
  { id: 'CKS-06', op: 'UpdateCustomKeyStore', what: '', call: (kms: SpecContext) => kms.primary.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId: kms.syntheticStoreId(), NewCustomKeyStoreName: 'kms-conformance-renamed' })) },
  { id: 'CKS-07', op: 'DeleteCustomKeyStore', what: '', call: (kms: SpecContext) => kms.primary.send(new DeleteCustomKeyStoreCommand({ CustomKeyStoreId: kms.syntheticStoreId() })) },
  { id: 'CKS-08', op: 'CreateKey', what: 'with a CustomKeyStoreId', call: (kms: SpecContext) => kms.primary.send(new CreateKeyCommand({ CustomKeyStoreId: kms.syntheticStoreId(), Origin: 'AWS_CLOUDHSM', Description: 'kms-conformance CKS-08 (must not be created)' })) },
  { id: 'CKS-09', op: 'GenerateRandom', what: 'with a CustomKeyStoreId', call: (kms: SpecContext) => kms.primary.send(new GenerateRandomCommand({ CustomKeyStoreId: kms.syntheticStoreId(), NumberOfBytes: 16 })) },
];

for (const c of NAMED_STORE_CASES) {
  requirement(
    {
      id: c.id,
      statement: `${c.op}${c.what ? ` ${c.what}` : ''} naming a custom key store that does not exist is refused with ${NOT_FOUND} (HTTP 400)`,
      operation: c.op,
      source: { url: apiRef(c.op), section: `Errors (${NOT_FOUND})`, groundTruth: 'MGT-156' },
      evidence: 'documented',
      strength: 'should',
    },
    async (kms) => {
      const e = await expectKmsError(c.call(kms), NOT_FOUND, 400);
      kms.observe('message', e.message);
    },
  );
}

requirement(
  {
    id: 'CKS-10',
    statement: "What CreateCustomKeyStore answers for a CloudHSM cluster that does not exist (a store-specific error such as CloudHsmClusterNotFoundException is expected; AWS's answer is not recorded)",
    operation: 'CreateCustomKeyStore',
    source: { url: apiRef('CreateCustomKeyStore'), section: 'Errors', groundTruth: 'MGT-157' },
    evidence: 'inferred',
    strength: 'observe',
  },
  async (kms) => {
    if (kms.target.kind === 'aws') kms.notApplicable('against real AWS the suite never sends CreateCustomKeyStore');
    const create = kms.primary.send(new CreateCustomKeyStoreCommand({ CustomKeyStoreName: `kms-conformance-${kms.runId}`, CloudHsmClusterId: 'cluster-234abcdefgh', TrustAnchorCertificate: 'kms-conformance', KeyStorePassword: 'kms-conformance-probe' }));
    const made = await create.catch(() => undefined);
    kms.observe('answer', await answerOf(create));
    // A target that made the store after all gets it deleted again.
    if (made?.CustomKeyStoreId) await kms.primary.send(new DeleteCustomKeyStoreCommand({ CustomKeyStoreId: made.CustomKeyStoreId }));
  },
);

requirement(
  {
    id: 'CKS-20',
    statement: 'DescribeCustomKeyStores lists the custom key store the target declares, by its id',
    operation: 'DescribeCustomKeyStores',
    source: { url: apiRef('DescribeCustomKeyStores'), section: 'Request Parameters (CustomKeyStoreId)' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const id = declaredStore(kms);
    const out = await kms.primary.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: id }));
    expect(out.CustomKeyStores?.map((s) => s.CustomKeyStoreId)).toEqual([id]);
  },
);

requirement(
  {
    id: 'CKS-21',
    statement: "CreateKey in the declared custom key store makes a key that names the store in CustomKeyStoreId, with the store's origin",
    operation: 'CreateKey',
    source: { url: apiRef('CreateKey'), section: 'Request Parameters (CustomKeyStoreId, Origin)' },
    evidence: 'documented',
    strength: 'should',
  },
  async (kms) => {
    const id = declaredStore(kms);
    const store = (await kms.primary.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: id }))).CustomKeyStores?.[0];
    const origin = store?.CustomKeyStoreType === 'EXTERNAL_KEY_STORE' ? 'EXTERNAL_KEY_STORE' : 'AWS_CLOUDHSM';
    const input = { CustomKeyStoreId: id, Origin: origin, Description: 'kms-conformance CKS-21', ...(origin === 'EXTERNAL_KEY_STORE' && { XksKeyId: kms.target.declared?.xksKeyId as string | undefined }) } as const;
    const key = (await kms.primary.send(new CreateKeyCommand(input))).KeyMetadata!;
    const md = await describeKey(kms.primary, key.KeyId!);
    expect(md).toMatchObject({ CustomKeyStoreId: id, Origin: origin });
  },
);
