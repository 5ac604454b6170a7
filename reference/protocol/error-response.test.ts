/**
 * The one place errors become wire responses (STYLE principle 4): KmsErrors keep their name,
 * status and message; anything else is a 500 KMSInternalException that is logged, never leaked.
 */
import { describe, expect, it, vi } from 'vitest';
import { KmsError } from '../errors.ts';
import { errorResponse } from './error-response.ts';

describe('errorResponse', () => {
  it('a KmsError: 400, __type and message, awsJson content type, request id', () => {
    const log = vi.fn();
    const out = errorResponse(new KmsError('NotFoundException', "Key 'x' does not exist"), 'req-1', log);
    expect(out.status).toBe(400);
    expect(out.headers).toMatchObject({ 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'req-1' });
    expect(JSON.parse(out.body)).toEqual({ __type: 'NotFoundException', message: "Key 'x' does not exist" });
    expect(log).not.toHaveBeenCalled();
  });

  it('a KmsError without a message: no message key at all', () => {
    const out = errorResponse(new KmsError('InvalidCiphertextException'), 'req-2', () => undefined);
    expect(JSON.parse(out.body)).toEqual({ __type: 'InvalidCiphertextException' });
  });

  it('anything else: 500 KMSInternalException with a fixed message; the details go to the log only', () => {
    const log = vi.fn();
    const out = errorResponse(new TypeError('secret detail: /srv/keys/master.pem'), 'req-3', log);
    expect(out.status).toBe(500);
    expect(out.headers['content-type']).toBe('application/x-amz-json-1.1');
    const body = JSON.parse(out.body) as Record<string, unknown>;
    expect(body).toEqual({ __type: 'KMSInternalException', message: 'The request was rejected because of an internal error.' });
    expect(out.body).not.toContain('secret detail');
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0]![0])).toContain('secret detail');
  });

  it('a thrown non-Error value is handled the same way', () => {
    const log = vi.fn();
    const out = errorResponse('just a string', 'req-4', log);
    expect(out.status).toBe(500);
    expect(JSON.parse(out.body).__type).toBe('KMSInternalException');
    expect(out.body).not.toContain('just a string');
  });
});
