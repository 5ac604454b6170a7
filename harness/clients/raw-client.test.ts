import { describe, expect, it } from 'vitest';
import { errorCodeOf } from './raw-client.ts';

describe('errorCodeOf', () => {
  it('keeps a plain __type as it is', () => {
    expect(errorCodeOf({}, { __type: 'NotFoundException' })).toBe('NotFoundException');
  });

  it('sanitises a namespaced __type with a trailing URI to the bare name', () => {
    expect(errorCodeOf({}, { __type: 'aws.protocols#Foo:http://internal.amazon.com/coral/aws.protocols/' })).toBe('Foo');
    expect(errorCodeOf({}, { __type: 'com.amazonaws.kms#KMSInvalidStateException' })).toBe('KMSInvalidStateException');
    expect(errorCodeOf({}, { __type: 'ValidationException:http://internal.amazon.com/coral/' })).toBe('ValidationException');
  });

  it('reads the code member when there is no __type', () => {
    expect(errorCodeOf({}, { code: 'AccessDeniedException' })).toBe('AccessDeniedException');
  });

  it('falls back to the x-amzn-errortype header, sanitised the same way', () => {
    expect(errorCodeOf({ 'x-amzn-errortype': 'UnrecognizedClientException:http://internal.amazon.com/coral/com.amazon.coral.service/' }, undefined)).toBe(
      'UnrecognizedClientException',
    );
    expect(errorCodeOf({ 'x-amzn-errortype': 'InvalidSignatureException' }, { message: 'no type in the body' })).toBe('InvalidSignatureException');
  });

  it('is undefined when neither the body nor the headers name an error', () => {
    expect(errorCodeOf({}, undefined)).toBeUndefined();
    expect(errorCodeOf({ 'content-type': 'text/html' }, { message: 'hello' })).toBeUndefined();
  });
});
