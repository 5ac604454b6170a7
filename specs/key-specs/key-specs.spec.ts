/**
 * Key specs and key usages: which pairs CreateKey accepts, what it answers for the others, and the
 * metadata each key reports (crypto ground truth §1, requirements CRY-001…CRY-024).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html
 */
import { CreateKeyCommand, DescribeKeyCommand, type KeySpec, type KeyUsageType } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { ALGORITHM_FIELDS, createKeyOf, LEGACY_SPECS, VALID_SPEC_USAGES, type SpecUsage } from '#harness/kms/index.ts';
import { apiRef, expectKmsError, recorded, requirement, type EvidenceLevel, type RequirementSource, type Strength } from '#harness/spec/index.ts';

const CREATE_KEY = apiRef('CreateKey');
const KEY_METADATA = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html';

const pair = (spec: KeySpec, usage: KeyUsageType): SpecUsage => {
  const p = VALID_SPEC_USAGES.find((x) => x.spec === spec && x.usage === usage);
  if (!p) throw new Error(`${spec}/${usage} is not a valid pair`);
  return p;
};

/** The evidence behind each valid pair's metadata, most specific first. */
interface PairCheck {
  id: string;
  spec: KeySpec;
  usage: KeyUsageType;
  evidence: EvidenceLevel;
  strength: Strength;
  source: RequirementSource;
}

const docs = (section: string, groundTruth: string): RequirementSource => ({ url: CREATE_KEY, section, groundTruth });

/**
 * One requirement per valid pair: the key is created Enabled with that spec and usage, and its
 * metadata lists exactly the algorithms of the usage, in one field, the others omitted.
 */
const PAIRS: PairCheck[] = [
  { id: 'SPEC-01', spec: 'SYMMETRIC_DEFAULT', usage: 'ENCRYPT_DECRYPT', evidence: 'recorded', strength: 'must', source: recorded('TestKMS::test_create_key', 'describe-key', 'recorded 2025-11-10', 'CRY-003, CRY-014') },
  { id: 'SPEC-02', spec: 'HMAC_224', usage: 'GENERATE_VERIFY_MAC', evidence: 'recorded', strength: 'must', source: recorded('TestKMS::test_import_key_hmac_keys[HMAC_224]', 'describe-key-before-import', 'recorded 2025-08-04', 'CRY-015') },
  { id: 'SPEC-03', spec: 'HMAC_256', usage: 'GENERATE_VERIFY_MAC', evidence: 'recorded', strength: 'must', source: recorded('TestKMS::test_hmac_create_key', 'create-hmac-key', 'recorded 2025-11-10', 'CRY-015') },
  { id: 'SPEC-04', spec: 'HMAC_384', usage: 'GENERATE_VERIFY_MAC', evidence: 'recorded', strength: 'must', source: recorded('TestKMS::test_import_key_hmac_keys[HMAC_384]', 'describe-key-before-import', 'recorded 2025-08-04', 'CRY-015') },
  { id: 'SPEC-05', spec: 'HMAC_512', usage: 'GENERATE_VERIFY_MAC', evidence: 'recorded', strength: 'must', source: recorded('TestKMS::test_import_key_hmac_keys[HMAC_512]', 'describe-key-before-import', 'recorded 2025-08-04', 'CRY-015') },
  { id: 'SPEC-06', spec: 'RSA_2048', usage: 'ENCRYPT_DECRYPT', evidence: 'documented', strength: 'must', source: docs('Request Parameters: KeySpec, KeyUsage', 'CRY-007, CRY-016') },
  { id: 'SPEC-07', spec: 'RSA_3072', usage: 'ENCRYPT_DECRYPT', evidence: 'documented', strength: 'must', source: docs('Request Parameters: KeySpec, KeyUsage', 'CRY-007, CRY-016') },
  { id: 'SPEC-08', spec: 'RSA_4096', usage: 'ENCRYPT_DECRYPT', evidence: 'recorded', strength: 'must', source: recorded('TestKMS::test_import_key_rsa_aes_wrap_sha256', 'describe-before-import', 'recorded 2025-07-22', 'CRY-016') },
  { id: 'SPEC-09', spec: 'RSA_2048', usage: 'SIGN_VERIFY', evidence: 'documented', strength: 'must', source: docs('Request Parameters: KeySpec, KeyUsage', 'CRY-007, CRY-017') },
  { id: 'SPEC-10', spec: 'RSA_3072', usage: 'SIGN_VERIFY', evidence: 'documented', strength: 'must', source: docs('Request Parameters: KeySpec, KeyUsage', 'CRY-007, CRY-017') },
  { id: 'SPEC-11', spec: 'RSA_4096', usage: 'SIGN_VERIFY', evidence: 'documented', strength: 'must', source: docs('Request Parameters: KeySpec, KeyUsage', 'CRY-007, CRY-017') },
  { id: 'SPEC-12', spec: 'ECC_NIST_P256', usage: 'SIGN_VERIFY', evidence: 'recorded', strength: 'must', source: recorded('TestKMS::test_import_key_asymmetric', 'describe-key-before-import', 'recorded 2025-11-10', 'CRY-018') },
  { id: 'SPEC-13', spec: 'ECC_NIST_P384', usage: 'SIGN_VERIFY', evidence: 'recorded', strength: 'must', source: recorded('TestKMS::test_import_key_ecc_keys[ECC_NIST_P384]', 'describe-key-before-import', 'recorded 2025-08-04', 'CRY-018') },
  { id: 'SPEC-14', spec: 'ECC_NIST_P521', usage: 'SIGN_VERIFY', evidence: 'recorded', strength: 'must', source: recorded('TestKMS::test_import_key_ecc_keys[ECC_NIST_P521]', 'describe-key-before-import', 'recorded 2025-08-04', 'CRY-018') },
  { id: 'SPEC-15', spec: 'ECC_SECG_P256K1', usage: 'SIGN_VERIFY', evidence: 'recorded', strength: 'must', source: recorded('TestKMS::test_import_key_ecc_keys[ECC_SECG_P256K1]', 'describe-key-before-import', 'recorded 2025-08-04', 'CRY-018') },
  // Ed25519 and ML-DSA lists: third-party measurements against AWS (floci-io/floci#2924, #3025), so a parity detail.
  { id: 'SPEC-16', spec: 'ECC_NIST_EDWARDS25519', usage: 'SIGN_VERIFY', evidence: 'recorded', strength: 'should', source: { url: 'https://github.com/floci-io/floci/issues/2924', section: 'DescribeKey of an ECC_NIST_EDWARDS25519 key (measured against AWS, 2026-09-02)', groundTruth: 'CRY-019' } },
  { id: 'SPEC-17', spec: 'ML_DSA_44', usage: 'SIGN_VERIFY', evidence: 'recorded', strength: 'should', source: { url: 'https://github.com/floci-io/floci/issues/3025', section: 'DescribeKey of an ML_DSA_44 key (measured against AWS, 2026-09-03)', groundTruth: 'CRY-019' } },
  { id: 'SPEC-18', spec: 'ML_DSA_65', usage: 'SIGN_VERIFY', evidence: 'documented', strength: 'must', source: { url: KEY_METADATA, section: 'SigningAlgorithms', groundTruth: 'CRY-019' } },
  { id: 'SPEC-19', spec: 'ML_DSA_87', usage: 'SIGN_VERIFY', evidence: 'documented', strength: 'must', source: { url: KEY_METADATA, section: 'SigningAlgorithms', groundTruth: 'CRY-019' } },
  { id: 'SPEC-20', spec: 'ML_KEM_512', usage: 'ENCAPSULATE_DECAPSULATE', evidence: 'documented', strength: 'must', source: { url: KEY_METADATA, section: 'EncapsulationAlgorithms', groundTruth: 'CRY-020, CRY-108' } },
  { id: 'SPEC-21', spec: 'ML_KEM_768', usage: 'ENCAPSULATE_DECAPSULATE', evidence: 'documented', strength: 'must', source: { url: KEY_METADATA, section: 'EncapsulationAlgorithms', groundTruth: 'CRY-020, CRY-108' } },
  { id: 'SPEC-22', spec: 'ML_KEM_1024', usage: 'ENCAPSULATE_DECAPSULATE', evidence: 'documented', strength: 'must', source: { url: KEY_METADATA, section: 'EncapsulationAlgorithms', groundTruth: 'CRY-020, CRY-108' } },
];

for (const p of PAIRS) {
  const { field, algorithms } = pair(p.spec, p.usage);
  requirement(
    {
      id: p.id,
      statement: `CreateKey ${p.spec} with ${p.usage} makes an Enabled key whose metadata lists ${field} {${algorithms.join(', ')}} and no other algorithm list`,
      operation: 'CreateKey',
      source: p.source,
      evidence: p.evidence,
      strength: p.strength,
    },
    async (kms) => {
      const md = await createKeyOf(kms.primary, p.spec, p.usage, { description: p.id });
      expect({ KeySpec: md.KeySpec, KeyUsage: md.KeyUsage, KeyState: md.KeyState, Enabled: md.Enabled }).toEqual({ KeySpec: p.spec, KeyUsage: p.usage, KeyState: 'Enabled', Enabled: true });
      // Compared as sets: only the order of the RSA encryption list was ever recorded.
      expect([...((md[field] as string[] | undefined) ?? [])].sort(), field).toEqual([...algorithms].sort());
      for (const other of ALGORITHM_FIELDS.filter((f) => f !== field)) expect(md, `${other} must be omitted`).not.toHaveProperty(other);
    },
  );
}

// KEY_AGREEMENT keys: creation is documented; their algorithm list was never recorded (CRY-021).
for (const [id, spec] of [['SPEC-23', 'ECC_NIST_P256'], ['SPEC-24', 'ECC_NIST_P384'], ['SPEC-25', 'ECC_NIST_P521']] as const) {
  requirement(
    {
      id,
      statement: `CreateKey ${spec} with KEY_AGREEMENT makes an Enabled key with that spec and usage and no SigningAlgorithms`,
      operation: 'CreateKey',
      source: docs('Request Parameters: KeyUsage (KEY_AGREEMENT)', 'CRY-008, CRY-021'),
      evidence: 'documented',
      strength: 'must',
    },
    async (kms) => {
      const md = await createKeyOf(kms.primary, spec, 'KEY_AGREEMENT', { description: id });
      expect({ KeySpec: md.KeySpec, KeyUsage: md.KeyUsage, KeyState: md.KeyState }).toEqual({ KeySpec: spec, KeyUsage: 'KEY_AGREEMENT', KeyState: 'Enabled' });
      expect(md).not.toHaveProperty('SigningAlgorithms');
      kms.observe('KeyAgreementAlgorithms', md.KeyAgreementAlgorithms ?? '(absent)');
    },
  );
}

requirement(
  {
    id: 'SPEC-26',
    statement: 'An ECC KEY_AGREEMENT key reports KeyAgreementAlgorithms [ECDH] in its metadata',
    operation: 'CreateKey',
    source: { url: KEY_METADATA, section: 'KeyAgreementAlgorithms', groundTruth: 'CRY-021' },
    evidence: 'inferred',
    strength: 'observe',
  },
  async (kms) => {
    const md = await createKeyOf(kms.primary, 'ECC_NIST_P256', 'KEY_AGREEMENT', { description: 'SPEC-26' });
    kms.observe('KeyAgreementAlgorithms', md.KeyAgreementAlgorithms ?? '(absent)');
  },
);

requirement(
  {
    id: 'SPEC-27',
    statement: 'CreateKey with a non-symmetric KeySpec and no KeyUsage answers ValidationException "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys."',
    operation: 'CreateKey',
    source: recorded('TestKMS::test_hmac_create_key_invalid_operations', 'create-hmac-key-without-key-usage', 'recorded 2023-04-13', 'CRY-002'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const e = await expectKmsError(kms.primary.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', Description: 'SPEC-27' })), 'ValidationException', 400);
    expect(e.message).toBe('You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.');
  },
);

requirement(
  {
    id: 'SPEC-28',
    statement: 'CreateKey RSA_2048 with KEY_AGREEMENT answers ValidationException "KeyUsage KEY_AGREEMENT is not compatible with KeySpec RSA_2048"',
    operation: 'CreateKey',
    source: recorded('TestKMS::test_derive_shared_secret', 'response-invalid-key-spec', 'recorded 2024-12-25', 'CRY-006'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const e = await expectKmsError(kms.primary.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'KEY_AGREEMENT', Description: 'SPEC-28' })), 'ValidationException', 400);
    expect(e.message).toBe('KeyUsage KEY_AGREEMENT is not compatible with KeySpec RSA_2048');
  },
);

/** Pairs the docs exclude that nobody recorded: the code is documented, the text only inferred. */
const INVALID_PAIRS: [string, KeySpec, KeyUsageType][] = [
  ['SPEC-29', 'HMAC_256', 'ENCRYPT_DECRYPT'],
  ['SPEC-30', 'ECC_SECG_P256K1', 'KEY_AGREEMENT'],
  ['SPEC-31', 'ECC_NIST_P256', 'ENCRYPT_DECRYPT'],
  ['SPEC-32', 'ECC_NIST_EDWARDS25519', 'KEY_AGREEMENT'],
  ['SPEC-33', 'ML_DSA_65', 'ENCRYPT_DECRYPT'],
  ['SPEC-34', 'ML_KEM_768', 'SIGN_VERIFY'],
  ['SPEC-35', 'SYMMETRIC_DEFAULT', 'GENERATE_VERIFY_MAC'],
  ['SPEC-36', 'RSA_3072', 'ENCAPSULATE_DECAPSULATE'],
];

for (const [id, spec, usage] of INVALID_PAIRS) {
  requirement(
    {
      id,
      statement: `CreateKey ${spec} with ${usage}, a pair AWS does not offer, answers ValidationException (HTTP 400)`,
      operation: 'CreateKey',
      source: docs('Request Parameters: KeyUsage ("Select only one valid value")', 'CRY-009, CRY-010, CRY-011, CRY-013'),
      evidence: 'documented',
      strength: 'must',
    },
    async (kms) => {
      const e = await expectKmsError(kms.primary.send(new CreateKeyCommand({ KeySpec: spec, KeyUsage: usage, Description: id })), 'ValidationException', 400);
      // The recorded form for RSA_2048 + KEY_AGREEMENT; for this pair AWS's text is not recorded.
      kms.observe('message', e.message);
      kms.observe('matches the recorded form', e.message === `KeyUsage ${usage} is not compatible with KeySpec ${spec}`);
    },
  );
}

requirement(
  {
    id: 'SPEC-37',
    statement: 'CreateKey SM2 outside the China Regions is refused with a client error',
    operation: 'CreateKey',
    source: docs('Request Parameters: KeySpec (SM2, China Regions only)', 'CRY-012'),
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    if (kms.target.region.startsWith('cn-')) kms.notApplicable('the target is in a China Region, where SM2 is offered');
    let answer: unknown;
    try {
      const { KeyMetadata } = await kms.primary.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY', Description: 'SPEC-37' }));
      answer = KeyMetadata;
    } catch (e) {
      const err = e as { name?: string; $metadata?: { httpStatusCode?: number }; message?: string };
      kms.observe('answer', { code: err.name, status: err.$metadata?.httpStatusCode, message: err.message });
      expect(err.$metadata?.httpStatusCode, 'a client error').toBe(400);
      return;
    }
    throw new Error(`CreateKey SM2 succeeded outside China: ${JSON.stringify(answer)}`);
  },
);

requirement(
  {
    id: 'SPEC-38',
    statement: 'KeyMetadata reports CustomerMasterKeySpec equal to KeySpec for the key specs of that deprecated enum',
    operation: 'CreateKey',
    source: { url: KEY_METADATA, section: 'CustomerMasterKeySpec', groundTruth: 'CRY-023' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    for (const [spec, usage] of [['RSA_2048', 'SIGN_VERIFY'], ['ECC_NIST_P384', 'SIGN_VERIFY'], ['HMAC_512', 'GENERATE_VERIFY_MAC']] as const) {
      expect(LEGACY_SPECS).toContain(spec);
      const md = await createKeyOf(kms.primary, spec, usage, { description: 'SPEC-38' });
      expect(md.CustomerMasterKeySpec, spec).toBe(spec);
    }
  },
);

requirement(
  {
    id: 'SPEC-39',
    statement: 'CustomerMasterKeySpec for key specs newer than that enum (Ed25519, ML-DSA, ML-KEM)',
    operation: 'CreateKey',
    source: { url: KEY_METADATA, section: 'CustomerMasterKeySpec', groundTruth: 'CRY-023' },
    evidence: 'unknown',
    strength: 'observe',
  },
  async (kms) => {
    for (const [spec, usage] of [['ECC_NIST_EDWARDS25519', 'SIGN_VERIFY'], ['ML_DSA_44', 'SIGN_VERIFY'], ['ML_KEM_512', 'ENCAPSULATE_DECAPSULATE']] as const) {
      const md = await createKeyOf(kms.primary, spec, usage, { description: 'SPEC-39' });
      kms.observe(spec, md.CustomerMasterKeySpec ?? '(absent)');
    }
  },
);

requirement(
  {
    id: 'SPEC-40',
    statement: "An asymmetric or HMAC key's CreateKey KeyMetadata is the metadata DescribeKey returns for it, without CurrentKeyMaterialId",
    operation: 'DescribeKey',
    source: recorded('TestKMS::test_hmac_create_key', 'create-hmac-key, describe-key', 'recorded 2025-11-10', 'CRY-024, CRY-015'),
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    for (const [spec, usage] of [['HMAC_256', 'GENERATE_VERIFY_MAC'], ['ECC_NIST_P256', 'SIGN_VERIFY'], ['RSA_2048', 'ENCRYPT_DECRYPT']] as const) {
      const created = await createKeyOf(kms.primary, spec, usage, { description: 'SPEC-40' });
      const { KeyMetadata: described } = await kms.primary.send(new DescribeKeyCommand({ KeyId: created.KeyId }));
      expect(described, spec).toEqual(created);
      expect(described, spec).not.toHaveProperty('CurrentKeyMaterialId');
    }
  },
);
