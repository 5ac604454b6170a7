/**
 * CreateKey and DescribeKey basics: the end-to-end path from a spec to the target and back.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html
 */
import { CreateKeyCommand, DescribeKeyCommand } from '@aws-sdk/client-kms';
import { expect } from 'vitest';
import { expectKmsError, requirement } from '#harness/spec/index.ts';

const CREATE_KEY = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html';
const DESCRIBE_KEY = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html';
const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/;

requirement(
  {
    id: 'KEY-01',
    statement: 'CreateKey with Origin EXTERNAL makes a disabled key in PendingImport, with no key material and no expiration settings',
    operation: 'CreateKey',
    source: { url: CREATE_KEY, section: 'Origin', groundTruth: 'REQ-C1' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const { KeyMetadata: md } = await kms.primary.send(new CreateKeyCommand({ Origin: 'EXTERNAL', Description: 'KEY-01' }));
    expect(md).toMatchObject({ KeyState: 'PendingImport', Enabled: false, Origin: 'EXTERNAL', KeyManager: 'CUSTOMER' });
    expect(md?.Arn).toMatch(KEY_ARN);
    expect(md).not.toHaveProperty('CurrentKeyMaterialId');
    expect(md).not.toHaveProperty('ExpirationModel');
    expect(md).not.toHaveProperty('ValidTo');
    expect(md).not.toHaveProperty('DeletionDate');
  },
);

requirement(
  {
    id: 'KEY-02',
    statement: 'CreateKey with the default origin makes an enabled symmetric key that reports its current key material id',
    operation: 'CreateKey',
    source: { url: CREATE_KEY, section: 'KeyMetadata.CurrentKeyMaterialId', groundTruth: 'REQ-C3' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const { KeyMetadata: md } = await kms.primary.send(new CreateKeyCommand({ Description: 'KEY-02' }));
    expect(md).toMatchObject({ KeyState: 'Enabled', Enabled: true, Origin: 'AWS_KMS', KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT' });
    expect(md?.CurrentKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
  },
);

requirement(
  {
    id: 'KEY-03',
    statement: 'DescribeKey by key ID and by key ARN returns the metadata CreateKey returned',
    operation: 'DescribeKey',
    source: { url: DESCRIBE_KEY, section: 'Request Parameters: KeyId', groundTruth: 'REQ-S7' },
    evidence: 'documented',
    strength: 'must',
  },
  async (kms) => {
    const { KeyMetadata: created } = await kms.primary.send(new CreateKeyCommand({ Origin: 'EXTERNAL', Description: 'KEY-03' }));
    const byId = await kms.primary.send(new DescribeKeyCommand({ KeyId: created!.KeyId }));
    const byArn = await kms.primary.send(new DescribeKeyCommand({ KeyId: created!.Arn }));
    for (const { KeyMetadata: md } of [byId, byArn]) {
      expect(md).toMatchObject({ KeyId: created!.KeyId, Arn: created!.Arn, KeyState: 'PendingImport', Origin: 'EXTERNAL', Description: 'KEY-03' });
    }
  },
);

requirement(
  {
    id: 'KEY-04',
    statement: 'DescribeKey of a well-formed key ID that names no key answers NotFoundException with HTTP 400',
    operation: 'DescribeKey',
    source: { url: DESCRIBE_KEY, section: 'Errors: NotFoundException', groundTruth: 'REQ-K1, REQ-P4' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    await expectKmsError(kms.primary.send(new DescribeKeyCommand({ KeyId: kms.syntheticKeyId() })), 'NotFoundException', 400);
  },
);

requirement(
  {
    id: 'KEY-05',
    statement: "NotFoundException for an unknown key ID reads Key '<key ARN in the caller's region and account>' does not exist",
    operation: 'DescribeKey',
    source: { url: DESCRIBE_KEY, section: 'Errors: NotFoundException', groundTruth: 'REQ-K1' },
    evidence: 'recorded',
    strength: 'should',
  },
  async (kms) => {
    const id = kms.syntheticKeyId();
    const e = await expectKmsError(kms.primary.send(new DescribeKeyCommand({ KeyId: id })), 'NotFoundException');
    const arn = `arn:aws[a-z-]*:kms:${kms.target.region}:\\d{12}:key/${id}`;
    expect(e.message).toMatch(new RegExp(`^Key '${arn}' does not exist$`));
  },
);
