import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EvidenceRecorder, type RawExchange } from './recorder.ts';
import { SecretList, redactBody, redactHeader, redactHeaders, redactQuery, redactRequest } from './redact.ts';

const KEY_ID = 'AKIAKMSREFPRIMARY001';
const SIGNATURE = '5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7';
const AUTHORIZATION =
  `AWS4-HMAC-SHA256 Credential=${KEY_ID}/20260101/us-east-1/kms/aws4_request, ` +
  `SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${SIGNATURE}`;

describe('redactHeader', () => {
  it('keeps the credential scope and SignedHeaders of Authorization, not the signature nor the full key id', () => {
    const out = redactHeader('Authorization', AUTHORIZATION);
    expect(out).toContain('/20260101/us-east-1/kms/aws4_request');
    expect(out).toContain('SignedHeaders=content-type;host;x-amz-date;x-amz-target');
    expect(out).not.toContain(SIGNATURE);
    expect(out).not.toContain(KEY_ID);
    expect(out).toMatch(/Credential=AKIA…\//);
  });

  it('drops the key id even when it is not shaped like an AWS one (emulators accept any)', () => {
    const out = redactHeader('authorization', AUTHORIZATION.replace(KEY_ID, 'team-lab-access-key'));
    expect(out).not.toContain('team-lab-access-key');
    expect(out).toContain('/20260101/us-east-1/kms/aws4_request');
  });

  it('redacts X-Amz-Security-Token whatever its case, and leaves other headers alone', () => {
    expect(redactHeader('X-Amz-Security-Token', 'session-token-value')).not.toContain('session-token-value');
    const headers = redactHeaders({ 'X-Amz-Security-Token': 'session-token-value', 'X-Amz-Target': 'TrentService.ListKeys', absent: undefined });
    expect(headers['x-amz-security-token']).toBe('<redacted>');
    expect(headers['x-amz-target']).toBe('TrentService.ListKeys');
    expect(headers).not.toHaveProperty('absent');
  });
});

describe('redactQuery', () => {
  it('redacts X-Amz-Signature, X-Amz-Security-Token and X-Amz-Credential, keeping the rest', () => {
    const out = redactQuery({
      'X-Amz-Signature': SIGNATURE,
      'X-Amz-Security-Token': 'session-token-value',
      'X-Amz-Credential': `${KEY_ID}/20260101/us-east-1/kms/aws4_request`,
      'X-Amz-Date': '20260101T000000Z',
    });
    expect(JSON.stringify(out)).not.toMatch(new RegExp(`${SIGNATURE}|session-token-value|${KEY_ID}`));
    expect(out['X-Amz-Date']).toBe('20260101T000000Z');
  });
});

describe('redactBody', () => {
  const plaintext = Buffer.from('the quick brown fox').toString('base64');
  const material = Buffer.alloc(256, 7).toString('base64');

  it('redacts Plaintext and EncryptedKeyMaterial in requests, at any depth', () => {
    const body = JSON.stringify({ KeyId: 'k', Plaintext: plaintext, Nested: { EncryptedKeyMaterial: material, List: [{ Plaintext: plaintext }] } });
    const out = redactBody(body) as { KeyId: string; Plaintext: string; Nested: { EncryptedKeyMaterial: string; List: { Plaintext: string }[] } };
    const text = JSON.stringify(out);
    expect(text).not.toContain(plaintext);
    expect(text).not.toContain(material);
    expect(out.KeyId).toBe('k');
    expect(out.Plaintext).toMatch(/^<redacted>/);
    expect(out.Nested.List[0]!.Plaintext).toMatch(/^<redacted>/);
  });

  it('redacts Plaintext in responses (Decrypt, GenerateDataKey)', () => {
    const out = JSON.stringify(redactBody(JSON.stringify({ KeyId: 'arn', Plaintext: plaintext, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' })));
    expect(out).not.toContain(plaintext);
    expect(out).toContain('SYMMETRIC_DEFAULT');
  });

  it('shows ImportToken, CiphertextBlob and PublicKey by size only', () => {
    const blob = Buffer.alloc(100, 1).toString('base64'); // 100 bytes, padded with '='
    const out = redactBody(JSON.stringify({ ImportToken: blob, CiphertextBlob: blob, Deep: { PublicKey: blob } })) as Record<string, unknown>;
    expect(out.ImportToken).toBe('<ImportToken 100 bytes>');
    expect(out.CiphertextBlob).toBe('<CiphertextBlob 100 bytes>');
    expect(out.Deep).toEqual({ PublicKey: '<PublicKey 100 bytes>' });
  });

  it('keeps non-JSON text and the empty body as they are', () => {
    expect(redactBody('')).toBe('');
    expect(redactBody('<html>oops</html>')).toBe('<html>oops</html>');
  });
});

describe('SecretList', () => {
  it('removes every planted secret wherever it appears', () => {
    const secrets = new SecretList();
    secrets.add('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'token-abc-123', undefined);
    const out = secrets.scrub('a wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY b token-abc-123 c token-abc-123');
    expect(out).toBe('a <redacted> b <redacted> c <redacted>');
  });
});

describe('EvidenceRecorder.record', () => {
  const CANARY = 'canary-Zq9/x+Secret-7781';

  function recordWithCanary(): string {
    const secrets = new SecretList();
    secrets.add(CANARY);
    const recorder = new EvidenceRecorder(secrets);
    const exchange: RawExchange = {
      operation: 'Encrypt',
      principal: 'primary',
      via: 'raw',
      method: 'POST',
      path: '/',
      query: { note: CANARY },
      requestHeaders: { 'x-custom-debug': `value ${CANARY}`, authorization: AUTHORIZATION },
      requestBody: JSON.stringify({ KeyId: 'k', Description: CANARY, Tags: [{ TagKey: 'x', TagValue: CANARY }] }),
      status: 400,
      responseHeaders: { 'x-echo': CANARY },
      responseBody: `not json, but echoing ${CANARY}`,
      error: `socket hang up while sending ${CANARY}`,
      startedAt: 1_700_000_000_000,
      endedAt: 1_700_000_000_012.4,
    };
    recorder.record(exchange);
    expect(recorder.all()).toHaveLength(1);
    return JSON.stringify(recorder.all());
  }

  it('never stores a planted secret: not in a header, a body member of another name, or an error', () => {
    const out = recordWithCanary();
    expect(out).not.toContain(CANARY);
    expect(out).not.toContain(SIGNATURE);
  });

  it('still records the shape of the exchange', () => {
    const [x] = JSON.parse(recordWithCanary()) as [{ operation: string; durationMs: number; response: { status: number }; request: { body: { KeyId: string } } }];
    expect(x.operation).toBe('Encrypt');
    expect(x.response.status).toBe(400);
    expect(x.request.body.KeyId).toBe('k');
    expect(x.durationMs).toBe(12);
  });
});

describe('redactRequest: nothing derived from a redacted value stays', () => {
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');

  it('a body with plaintext: its SHA-256 header is redacted too, so candidate plaintexts cannot be checked against it', () => {
    const body = JSON.stringify({ KeyId: 'k', Plaintext: Buffer.from('PIN 1234').toString('base64') });
    const out = redactRequest({ 'x-amz-content-sha256': sha(body), 'content-type': 'application/x-amz-json-1.1' }, body);
    expect(out.headers['x-amz-content-sha256']).toMatch(/^<redacted>/);
    expect(JSON.stringify(out)).not.toContain(sha(body));
    expect(out.body).toEqual({ KeyId: 'k', Plaintext: '<redacted> (8 bytes)' });
  });

  it('a body without secrets keeps its hash: it gives nothing away', () => {
    const body = JSON.stringify({ KeyId: 'k' });
    expect(redactRequest({ 'x-amz-content-sha256': sha(body) }, body).headers['x-amz-content-sha256']).toBe(sha(body));
  });

  it('keeps a member named __proto__ in the evidence', () => {
    expect(Object.keys(redactRequest({}, '{"__proto__":"x","KeyId":"k"}').body as object)).toEqual(['__proto__', 'KeyId']);
  });
});
