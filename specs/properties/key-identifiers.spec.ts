/**
 * Key identifiers, property-based: DeleteImportedKeyMaterial is sent with generated identifiers of
 * every class (unknown ids, malformed strings, ARNs of other regions, accounts and partitions,
 * aliases, the real keys' own ids) while two real keys with imported material stand by; the answer
 * must be the one the class calls for, and no key may change state unless the identifier names it.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html
 */
import fc from 'fast-check';
import { expectClientError, expectKmsError, requirement, type KmsErrorAnswer, type SpecContext } from '#harness/spec/index.ts';
import { assertProperty, propertyParams, PROPERTY_TEST_TIMEOUT_MS } from '#harness/spec/property.ts';
import {
  aliasIdentifiers,
  malformedIdentifiers,
  otherAccountArns,
  otherPartitionArns,
  otherRegionArns,
  ownKeyIdentifiers,
  unknownKeyIdentifiers,
  type Identifier,
} from './arbitraries/identifiers.ts';
import { AnswerTally, createWorld, deleteMaterialWith, expectStates, keyStates, restore, type World } from './identifier-world.ts';

const DIKM = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html';
const TIMEOUT = { timeout: PROPERTY_TEST_TIMEOUT_MS };

/**
 * The property of the refused classes: the call is refused as `refusal` checks, and every key of
 * the world is in the state it was in before the call.
 */
async function refusedAndUnchanged(
  kms: SpecContext,
  w: World,
  ids: fc.Arbitrary<Identifier>,
  refusal: (call: Promise<unknown>) => Promise<KmsErrorAnswer>,
): Promise<void> {
  await assertProperty(kms, ids, async (id) => {
    const before = await keyStates(kms, w);
    await refusal(deleteMaterialWith(kms, id));
    expectStates(await keyStates(kms, w), before, `DeleteImportedKeyMaterial(${id.value})`);
  }, propertyParams(kms));
}

const notFound = (call: Promise<unknown>) => expectKmsError(call, 'NotFoundException', 400);

requirement(
  {
    id: 'PROP-01',
    statement: 'DeleteImportedKeyMaterial with a well-formed key id, multi-Region key id or key ARN that names no key answers NotFoundException (400) and changes no key',
    operation: 'DeleteImportedKeyMaterial',
    source: { url: DIKM, section: 'Request Parameters: KeyId; Errors: NotFoundException', groundTruth: 'REQ-K1, REQ-K2, REQ-K3' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const w = await createWorld(kms);
    await refusedAndUnchanged(kms, w, unknownKeyIdentifiers(w), notFound);
  },
  TIMEOUT,
);

requirement(
  {
    id: 'PROP-02',
    statement: 'DeleteImportedKeyMaterial with a string that is not a key id, key ARN or alias answers NotFoundException (400) and changes no key',
    operation: 'DeleteImportedKeyMaterial',
    source: { url: DIKM, section: 'Request Parameters: KeyId; Errors: NotFoundException', groundTruth: 'REQ-K4' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const w = await createWorld(kms);
    await refusedAndUnchanged(kms, w, malformedIdentifiers(), notFound);
  },
  TIMEOUT,
);

requirement(
  {
    id: 'PROP-03',
    statement: "DeleteImportedKeyMaterial with a key ARN of another region answers NotFoundException (400) and changes no key, even for a real key's id",
    operation: 'DeleteImportedKeyMaterial',
    source: { url: DIKM, section: 'Request Parameters: KeyId; Errors: NotFoundException', groundTruth: 'REQ-K5, REQ-K6' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const w = await createWorld(kms);
    await refusedAndUnchanged(kms, w, otherRegionArns(w), notFound);
  },
  TIMEOUT,
);

requirement(
  {
    id: 'PROP-04',
    statement: 'DeleteImportedKeyMaterial refuses alias names and alias ARNs, also of aliases of real keys, with a client error and changes no key',
    operation: 'DeleteImportedKeyMaterial',
    source: { url: DIKM, section: 'Request Parameters: KeyId (key ID or key ARN only)', groundTruth: 'REQ-K7' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const w = await createWorld(kms);
    // Which error AWS answers is not known (ground truth c.10#3): the codes are recorded, not judged.
    const tally = new AnswerTally();
    const refused = async (call: Promise<unknown>) => {
      const e = await expectClientError(call);
      tally.add(e.code, e.status);
      return e;
    };
    await refusedAndUnchanged(kms, w, aliasIdentifiers(w), refused);
    kms.observe('answers to alias identifiers', tally.answers);
  },
  TIMEOUT,
);

requirement(
  {
    id: 'PROP-05',
    statement: "DeleteImportedKeyMaterial refuses key and alias ARNs of another account with a client error and changes no key, the other account's keys included",
    operation: 'DeleteImportedKeyMaterial',
    source: { url: DIKM, section: 'Cross-account use: No', groundTruth: 'REQ-X1, REQ-D12' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const w = await createWorld(kms, { foreignKey: true });
    // Which error AWS answers is not known (ground truth c.10#1): the codes are recorded, not judged.
    const tally = new AnswerTally();
    const refused = async (call: Promise<unknown>) => {
      const e = await expectClientError(call);
      tally.add(e.code, e.status);
      return e;
    };
    await refusedAndUnchanged(kms, w, otherAccountArns(w), refused);
    kms.observe('answers to other-account ARNs', tally.answers);
  },
  TIMEOUT,
);

requirement(
  {
    id: 'PROP-06',
    statement: 'DeleteImportedKeyMaterial with the key id or key ARN of an Enabled key with imported material succeeds, moves that key to PendingImport and no other',
    operation: 'DeleteImportedKeyMaterial',
    source: { url: DIKM, section: 'Request Parameters: KeyId', groundTruth: 'REQ-D1, REQ-D12' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const w = await createWorld(kms);
    await assertProperty(kms, ownKeyIdentifiers(w), async (id) => {
      const before = await keyStates(kms, w);
      await deleteMaterialWith(kms, id);
      const expected = before.map((s, i) => (i === id.names ? 'PendingImport/not enabled' : s));
      expectStates(await keyStates(kms, w), expected, `DeleteImportedKeyMaterial(${id.value})`);
      await restore(kms, w.keys[id.names!]!);
    }, propertyParams(kms));
  },
  TIMEOUT,
);

requirement(
  {
    id: 'PROP-07',
    statement: 'DeleteImportedKeyMaterial with a key ARN of another partition answers NotFoundException (400) and changes no key',
    operation: 'DeleteImportedKeyMaterial',
    source: { url: DIKM, section: 'Request Parameters: KeyId; Errors: NotFoundException', groundTruth: 'REQ-K4, REQ-K5' },
    evidence: 'inferred',
    strength: 'should',
  },
  async (kms) => {
    const w = await createWorld(kms);
    await refusedAndUnchanged(kms, w, otherPartitionArns(w), notFound);
  },
  TIMEOUT,
);
