/**
 * @module harness/test-support/reference-target
 * A reference endpoint on loopback, described as an `endpoint` TargetConfig, for harness tests that
 * need a real KMS to talk to. Also a throw-away working directory and a free-port finder.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer, type RunningReference } from '#reference/server.ts';
import { referencePrincipals, withKindDefaults } from '../config/resolve-target.ts';
import { validateTarget, type TargetConfig, type TargetInput } from '../config/target-config.ts';

export interface ReferenceTarget {
  server: RunningReference;
  target: TargetConfig;
}

/** A target config for any endpoint URL, signed as the reference's default principals. */
export function endpointTarget(url: string, overrides: Partial<TargetInput> = {}): TargetConfig {
  return withKindDefaults(validateTarget(
    { name: 'harness-test', kind: 'endpoint', endpoint: url, region: 'us-east-1', principals: referencePrincipals(), ...overrides },
    'harness-test',
  ));
}

/** Starts a quiet reference server and the target config that points at it. */
export async function startReferenceTarget(): Promise<ReferenceTarget> {
  const server = await startReferenceServer({ log: () => undefined });
  return { server, target: endpointTarget(server.url) };
}

/** A fresh, empty directory under the system temp dir. */
export function tempDir(prefix = 'kms-conformance-harness-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A loopback port nothing listens on: bound once by the OS, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
