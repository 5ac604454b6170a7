/**
 * @module harness/run/preflight
 * Before any spec runs: is the endpoint there, does it speak awsJson, does it accept the configured
 * credentials? Each "no" is one line and exit code 2, within seconds.
 */
import type { PrincipalName, TargetConfig } from '../config/target-config.ts';
import { RawKmsClient } from '../clients/raw-client.ts';
import { RunAbort } from '../errors.ts';

/** Error codes that mean the endpoint did not accept who we are. */
const REFUSED = new Set([
  'UnrecognizedClientException', 'InvalidSignatureException', 'IncompleteSignatureException',
  'MissingAuthenticationTokenException', 'InvalidClientTokenId', 'SignatureDoesNotMatch',
  'ExpiredTokenException', 'AccessDeniedException', 'AuthFailure',
]);

export const PREFLIGHT_TIMEOUT_MS = 5_000;

async function probe(target: TargetConfig, principal: PrincipalName): Promise<void> {
  const raw = new RawKmsClient(target, principal);
  const send = raw.send({ operation: 'ListKeys', body: { Limit: 1 } });
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new RunAbort('unreachable', `no answer from ${target.endpoint} within ${PREFLIGHT_TIMEOUT_MS / 1000} s`)), PREFLIGHT_TIMEOUT_MS).unref(),
  );
  let res;
  try {
    res = await Promise.race([send, timeout]);
  } catch (e) {
    if (e instanceof RunAbort) throw e;
    const err = e as NodeJS.ErrnoException & { cause?: { code?: string } };
    const code = err.code ?? err.cause?.code;
    if (/credential|profile|token/i.test(err.message) && !code) {
      throw new RunAbort('credentials', `could not load credentials for the ${principal} principal: ${err.message.split('\n')[0]}`);
    }
    throw new RunAbort('unreachable', unreachable(target.endpoint ?? '', code, err));
  }
  // A 2xx must be awsJson too: a web server answering 200 with a page is not a KMS endpoint.
  if (res.status < 300 && res.json) return;
  if (res.errorCode && REFUSED.has(res.errorCode)) {
    const msg = (res.json?.message ?? res.json?.Message ?? '') as string;
    throw new RunAbort('credentials', `${target.endpoint} refused the ${principal} principal's credentials: ${res.errorCode}${msg ? `: ${msg}` : ''}`);
  }
  if (!res.errorCode) {
    const type = res.headers['content-type'] ?? 'no content type';
    throw new RunAbort('unreachable', `${target.endpoint} answered HTTP ${res.status} (${type}); it does not look like an AWS KMS endpoint`);
  }
  // Any other KMS error (ListKeys not implemented, say) still shows a reachable awsJson endpoint.
}

/** What a failure to connect means, in words: what was tried, and what to check. */
export function unreachable(endpoint: string, code: string | undefined, err: Error): string {
  let where = endpoint;
  let host = endpoint;
  try {
    const u = new URL(endpoint);
    host = u.hostname;
    where = `${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
  } catch {
    /* shown as given */
  }
  const said = (why: string) => `cannot reach ${endpoint}: ${why}`;
  switch (code) {
    case 'ECONNREFUSED':
      return said(`nothing is listening on ${where} (connection refused); is the endpoint running, and on this port?`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return said(`the host name ${host} does not resolve; check it for a typo`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return said(`no route to ${host}; is the address right, and is the network up?`);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      return said(`${where} closed the connection without answering; is it an HTTP endpoint (http:// and https:// swapped?)`);
    case 'ETIMEDOUT':
      return said(`${where} did not accept a connection in time; is the address right, and does a firewall drop it?`);
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return said(`the TLS handshake with ${where} failed; an http:// endpoint given as https://?`);
    default:
      if (code) return said(code);
      return said(err.name === 'TimeoutError' ? `no connection to ${where} in time` : (err.message.split('\n')[0] ?? 'unknown error'));
  }
}

/** Throws RunAbort when the target cannot be used. */
export async function preflight(target: TargetConfig): Promise<void> {
  await probe(target, 'primary');
  if (target.principals.secondary) await probe(target, 'secondary');
}
