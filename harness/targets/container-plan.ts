/**
 * @module harness/targets/container-plan
 * What a container target runs, as data (image, port, environment, command, wait strategy), and the
 * testcontainers builder made from it. Kept apart from starting, so both are testable on a machine
 * without a container runtime.
 */
import { LocalstackContainer } from '@testcontainers/localstack';
import { GenericContainer, Wait } from 'testcontainers';
import type { ContainerLaunch } from '../config/launch-config.ts';
import type { TargetConfig } from '../config/target-config.ts';
import { RunAbort } from '../errors.ts';
import { fill } from './placeholders.ts';

export interface ContainerPlan {
  image: string;
  port: number;
  env: Record<string, string>;
  command?: string[];
  wait: ContainerLaunch['wait'];
  startupTimeoutMs: number;
  flavour: ContainerLaunch['flavour'];
}

/** The plan of a container target, placeholders ({region}, {accountId}) filled in. */
export function containerPlan(target: TargetConfig): ContainerPlan {
  const c = target.container;
  if (!c) throw new RunAbort('config', `target ${target.name}: no "container" settings`);
  const values = { region: target.region, accountId: target.principals.primary.accountId, port: String(c.port) };
  const where = `target ${target.name}`;
  return {
    image: c.image,
    port: c.port,
    env: Object.fromEntries(Object.entries(c.env).map(([k, v]) => [k, fill(v, values, `${where}: container.env.${k}`)])),
    ...(c.command && { command: c.command.map((a) => fill(a, values, `${where}: container.command`)) }),
    wait: c.wait,
    startupTimeoutMs: c.startupTimeoutMs,
    flavour: c.flavour,
  };
}

/** The testcontainers container for a plan (not started). */
export function buildContainer(plan: ContainerPlan): GenericContainer {
  const base = plan.flavour === 'localstack' ? new LocalstackContainer(plan.image) : new GenericContainer(plan.image).withExposedPorts(plan.port);
  // "Started" means the endpoint answers at all: an emulator may say 404 or 405 to a plain GET.
  const wait = 'http' in plan.wait
    ? Wait.forHttp(plan.wait.http, plan.port).forStatusCodeMatching(() => true)
    : Wait.forLogMessage(plan.wait.log);
  let c = base.withEnvironment(plan.env).withWaitStrategy(wait).withStartupTimeout(plan.startupTimeoutMs);
  if (plan.command) c = c.withCommand(plan.command);
  return c;
}
