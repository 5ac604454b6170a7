/**
 * The awsJson1_1 request envelope, sent raw: a correctly signed `POST /` with
 * `X-Amz-Target: TrentService.DeleteImportedKeyMaterial` works; a request whose target is missing or
 * names no KMS operation, or whose body is not JSON, is refused. Every check aims the request at a key
 * with imported material, so a request wrongly served would visibly change that key. The error codes
 * for these refusals are not in the KMS ground truth: they are recorded, not asserted.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/Welcome.html
 */
import { expect } from 'vitest';
import { rawAnswer, type RawResponse } from '#harness/clients/raw-client.ts';
import { describeKey, enabledImportedKey, expectKeyUnchanged } from '#harness/kms/index.ts';
import { expectRawClientError, requirement, type SpecContext } from '#harness/spec/index.ts';

const WELCOME = 'https://docs.aws.amazon.com/kms/latest/APIReference/Welcome.html';
const DIKM = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteImportedKeyMaterial.html';
const OP = 'DeleteImportedKeyMaterial';
const JSON_1_1 = 'application/x-amz-json-1.1';


/** Sends a broken DeleteImportedKeyMaterial request at a fresh key: refused with a 4xx, key unchanged, answer recorded. */
async function expectRefusedAndUnchanged(kms: SpecContext, label: string, send: (keyId: string) => Promise<RawResponse>) {
  const { key, before } = await enabledImportedKey(kms.primary, label);
  const res = await send(key.KeyId!);
  kms.observe('answer', rawAnswer(res));
  expectRawClientError(res);
  await expectKeyUnchanged(kms.primary, key.KeyId!, before);
}

requirement(
  {
    id: 'PROTO-01',
    statement: 'A correctly signed raw POST / with X-Amz-Target TrentService.DeleteImportedKeyMaterial and an awsJson 1.1 body succeeds and moves the key to PendingImport',
    operation: 'protocol',
    source: { url: DIKM, section: 'Request Syntax; awsJson1_1 protocol', groundTruth: 'REQ-P1, REQ-D1' },
    evidence: 'recorded',
    strength: 'must',
  },
  async (kms) => {
    const { key } = await enabledImportedKey(kms.primary, 'PROTO-01');
    const res = await kms.raw().send({ operation: OP, body: { KeyId: key.KeyId } });
    expect({ status: res.status, code: res.errorCode }).toEqual({ status: 200, code: undefined });
    expect(await describeKey(kms.primary, key.KeyId!)).toMatchObject({ KeyState: 'PendingImport', Enabled: false });
  },
);

requirement(
  {
    id: 'PROTO-02',
    statement: 'A request without an X-Amz-Target header is refused with a client error, and the key it names is unchanged',
    operation: 'protocol',
    source: { url: WELCOME, section: 'awsJson1_1: the operation is named by X-Amz-Target', groundTruth: 'REQ-P1, a.1' },
    evidence: 'documented',
    strength: 'must',
  },
  (kms) => expectRefusedAndUnchanged(kms, 'PROTO-02', (keyId) => kms.raw().send({ operation: OP, body: { KeyId: keyId }, target: null })),
);

requirement(
  {
    id: 'PROTO-03',
    statement: 'X-Amz-Target TrentService.NoSuchOperation is refused with a client error, and the key named in the body is unchanged',
    operation: 'protocol',
    source: { url: WELCOME, section: 'awsJson1_1: the operation is named by X-Amz-Target', groundTruth: 'REQ-P1, a.1' },
    evidence: 'documented',
    strength: 'must',
  },
  (kms) => expectRefusedAndUnchanged(kms, 'PROTO-03', (keyId) => kms.raw().send({ operation: OP, body: { KeyId: keyId }, target: 'TrentService.NoSuchOperation' })),
);

requirement(
  {
    id: 'PROTO-04',
    statement: 'An X-Amz-Target with a prefix other than TrentService (KeyManagementService.DeleteImportedKeyMaterial) is refused with a client error, and the key is unchanged',
    operation: 'protocol',
    source: { url: WELCOME, section: 'awsJson1_1: target prefix TrentService', groundTruth: 'REQ-P1, a.1' },
    evidence: 'documented',
    strength: 'must',
  },
  (kms) => expectRefusedAndUnchanged(kms, 'PROTO-04', (keyId) => kms.raw().send({ operation: OP, body: { KeyId: keyId }, target: `KeyManagementService.${OP}` })),
);

requirement(
  {
    id: 'PROTO-05',
    statement: 'A body that is not valid JSON is refused with a client error, and the key it was meant for is unchanged',
    operation: 'protocol',
    source: { url: WELCOME, section: 'awsJson1_1: the body is a JSON document', groundTruth: 'REQ-P1, a.1' },
    evidence: 'documented',
    strength: 'must',
  },
  (kms) => expectRefusedAndUnchanged(kms, 'PROTO-05', (keyId) => kms.raw().send({ operation: OP, body: `{"KeyId": "${keyId}"` })),
);

for (const [id, contentType] of [['PROTO-06', 'application/json'], ['PROTO-07', 'text/plain']] as const) {
  requirement(
    {
      id,
      statement: `With Content-Type ${contentType} the request is either refused with a client error leaving the key unchanged, or served in full (the key moves to PendingImport)`,
      operation: 'protocol',
      source: { url: DIKM, section: `Content-Type ${JSON_1_1} (AWS's answer to another type is not known)`, groundTruth: 'REQ-P1, REQ-D1' },
      evidence: 'recorded',
      strength: 'must',
    },
    async (kms) => {
      const { key, before } = await enabledImportedKey(kms.primary, id);
      const res = await kms.raw().send({ operation: OP, body: { KeyId: key.KeyId }, contentType });
      // Whether AWS accepts this content type is not known: the answer is recorded, and whichever it
      // was, the key must agree with it.
      kms.observe('answer', rawAnswer(res));
      if (res.status >= 300) {
        expectRawClientError(res);
        await expectKeyUnchanged(kms.primary, key.KeyId!, before);
      } else {
        expect(await describeKey(kms.primary, key.KeyId!)).toMatchObject({ KeyState: 'PendingImport', Enabled: false });
      }
    },
  );
}
