import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referencePrincipals } from '../config/resolve-target.ts';
import { RunAbort } from '../errors.ts';
import { closedPort, endpointTarget, startReferenceTarget, type ReferenceTarget } from '../test-support/reference-target.ts';
import { preflight } from './preflight.ts';

let ref: ReferenceTarget;
let html: Server;
let htmlUrl: string;

beforeAll(async () => {
  ref = await startReferenceTarget();
  // A web server that is not KMS: 200 with a page at '/', 404 with a page anywhere else.
  html = createServer((req, res) => {
    res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Welcome</title><p>It works!</p>');
  });
  await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
  htmlUrl = `http://127.0.0.1:${(html.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await ref?.server.close();
  html?.closeAllConnections();
  await new Promise<void>((resolve) => (html ? html.close(() => resolve()) : resolve()));
});

/** Awaits a preflight that must be refused, and returns the RunAbort. */
async function refusal(p: Promise<void>): Promise<RunAbort> {
  const outcome = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(outcome, 'expected preflight to throw a RunAbort, but it passed').toBeInstanceOf(RunAbort);
  return outcome as RunAbort;
}

describe('preflight', () => {
  it('passes against the reference endpoint with its default principals', async () => {
    await expect(preflight(ref.target)).resolves.toBeUndefined();
  });

  it("throws 'credentials' when the primary secret is wrong", async () => {
    const principals = referencePrincipals();
    const target = endpointTarget(ref.server.url, { principals: { ...principals, primary: { ...principals.primary, secretAccessKey: 'not-the-secret' } } });
    const e = await refusal(preflight(target));
    expect(e.kind).toBe('credentials');
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('primary');
    expect(e.message).not.toContain('not-the-secret');
  });

  it("throws 'credentials' naming the secondary principal when only its key is unknown", async () => {
    const principals = referencePrincipals();
    const target = endpointTarget(ref.server.url, {
      principals: { primary: principals.primary, secondary: { accessKeyId: 'AKIAUNKNOWNPRINCIPAL', secretAccessKey: 'whatever' } },
    });
    const e = await refusal(preflight(target));
    expect(e.kind).toBe('credentials');
    expect(e.message).toContain('secondary');
  });

  it("throws 'unreachable' for a closed port, saying in words what was tried and what to check", async () => {
    const port = await closedPort();
    const e = await refusal(preflight(endpointTarget(`http://127.0.0.1:${port}`)));
    expect(e.kind).toBe('unreachable');
    expect(e.message).toBe(`cannot reach http://127.0.0.1:${port}: nothing is listening on 127.0.0.1:${port} (connection refused); is the endpoint running, and on this port?`);
  });

  it('tries any port, also one fetch refuses ("bad port", such as 1)', async () => {
    const e = await refusal(preflight(endpointTarget('http://127.0.0.1:1')));
    expect(e.message).toBe('cannot reach http://127.0.0.1:1: nothing is listening on 127.0.0.1:1 (connection refused); is the endpoint running, and on this port?');
  });

  it('a host name that does not resolve is named as such', async () => {
    const e = await refusal(preflight(endpointTarget('http://kms.no-such-host.invalid:4566')));
    expect(e.kind).toBe('unreachable');
    expect(e.message).toBe('cannot reach http://kms.no-such-host.invalid:4566: the host name kms.no-such-host.invalid does not resolve; check it for a typo');
  });

  it("throws 'unreachable' for an HTTP server that answers 200 with HTML", async () => {
    const e = await refusal(preflight(endpointTarget(htmlUrl)));
    expect(e.kind).toBe('unreachable');
    expect(e.message).toContain('text/html');
    expect(e.message).toMatch(/does not look like an AWS KMS endpoint/);
  });

  it("throws 'unreachable' for an HTTP server that answers 404 with HTML", async () => {
    const e = await refusal(preflight(endpointTarget(`${htmlUrl}/missing`)));
    expect(e.kind).toBe('unreachable');
    expect(e.message).toContain('HTTP 404');
  });
});
