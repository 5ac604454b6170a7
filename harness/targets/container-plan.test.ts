/**
 * Container targets without a container runtime: the built-in definitions' plans (image, port,
 * environment, wait strategy), the testcontainers builder made from a plan, and the skip when no
 * runtime is found.
 */
import { LocalstackContainer } from '@testcontainers/localstack';
import { GenericContainer } from 'testcontainers';
import { describe, expect, it } from 'vitest';
import { resolveTarget } from '../config/resolve-target.ts';
import { RunSkipped } from '../errors.ts';
import { tempDir } from '../test-support/reference-target.ts';
import { IMAGES, LOCAL_KMS_ACCOUNT } from '../config/builtin-targets.ts';
import { requireContainerRuntime } from './container.ts';
import { buildContainer, containerPlan, type ContainerPlan } from './container-plan.ts';

const planOf = (name: string, env: NodeJS.ProcessEnv = {}) => containerPlan(resolveTarget({ target: name }, env, tempDir()));

/** The builder's settings, read from its (protected) fields: there is no public getter. */
function settings(c: GenericContainer) {
  const f = c as unknown as { createOpts: { Image: string; Cmd?: string[] }; environment: Record<string, string>; exposedPorts: unknown[]; waitStrategy: object; startupTimeoutMs?: number };
  return { image: f.createOpts.Image, cmd: f.createOpts.Cmd, env: f.environment, ports: f.exposedPorts, wait: f.waitStrategy.constructor.name, timeout: f.startupTimeoutMs };
}

describe('built-in container plans', () => {
  it('container:localstack pins a tag that runs without an auth token, serves KMS only, waits for "Ready."', () => {
    const plan = planOf('container:localstack');
    expect(plan).toEqual<ContainerPlan>({ image: IMAGES.localstack, port: 4566, env: { SERVICES: 'kms' }, wait: { log: 'Ready.' }, startupTimeoutMs: 120_000, flavour: 'localstack' });
    const [, tag] = plan.image.split(':');
    const [major, minor] = tag!.split('.').map(Number);
    expect(major! < 4 || (major === 4 && minor! <= 14), `LocalStack ${tag} needs an auth token after 4.14`).toBe(true);
  });

  it('container:local-kms runs the pinned image with the primary account and the run region', () => {
    const plan = containerPlan(resolveTarget({ target: 'container:local-kms', region: 'eu-central-1' }, {}, tempDir()));
    expect(plan).toMatchObject({ image: IMAGES.localKms, port: 8080, env: { KMS_ACCOUNT_ID: LOCAL_KMS_ACCOUNT, KMS_REGION: 'eu-central-1' }, wait: { http: '/' } });
  });

  it('container:moto runs a pinned moto 5.2 image on port 5000', () => {
    const plan = planOf('container:moto');
    expect(plan.image).toMatch(/^motoserver\/moto:5\.2\.\d+$/);
    expect(plan).toMatchObject({ port: 5000, env: {}, wait: { http: '/' } });
  });

  it('container:<image> runs any image, on port 4566 unless KMS_CONFORMANCE_CONTAINER_PORT says otherwise', () => {
    expect(planOf('container:floci/floci:1.2.3')).toMatchObject({ image: 'floci/floci:1.2.3', port: 4566 });
    expect(planOf('container:ghcr.io/x/y@sha256:abc', { KMS_CONFORMANCE_CONTAINER_PORT: '9000' })).toMatchObject({ image: 'ghcr.io/x/y@sha256:abc', port: 9000 });
  });
});

describe('buildContainer', () => {
  it('a generic plan: image, exposed port, environment, command, HTTP wait and startup timeout', () => {
    const c = buildContainer({ image: 'example/kms:1', port: 8080, env: { A: '1' }, command: ['serve', '--port', '8080'], wait: { http: '/' }, startupTimeoutMs: 5_000, flavour: 'generic' });
    expect(c).not.toBeInstanceOf(LocalstackContainer);
    expect(settings(c)).toEqual({ image: 'example/kms:1', cmd: ['serve', '--port', '8080'], env: { A: '1' }, ports: [8080], wait: 'HttpWaitStrategy', timeout: 5_000 });
  });

  it('a log wait and the LocalStack flavour', () => {
    const c = buildContainer(planOf('container:localstack'));
    expect(c).toBeInstanceOf(LocalstackContainer);
    const s = settings(c);
    expect(s).toMatchObject({ image: IMAGES.localstack, ports: [4566], wait: 'LogWaitStrategy', timeout: 120_000 });
    expect(s.env.SERVICES).toBe('kms');
  });
});

describe('no container runtime', () => {
  it('is a skip with one line saying why, not a failure', async () => {
    const e = await requireContainerRuntime('container:moto', () => Promise.reject(new Error('Could not find a working container runtime strategy\n    at stack'))).then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(RunSkipped);
    expect((e as RunSkipped).exitCode).toBe(0);
    expect((e as Error).message).toBe('target container:moto needs a container runtime (Docker or a compatible one), and none was found: Could not find a working container runtime strategy');
  });

  it('a reachable runtime lets the start go on', async () => {
    await expect(requireContainerRuntime('container:moto', () => Promise.resolve({}))).resolves.toBeUndefined();
  });
});
