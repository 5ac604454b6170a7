/**
 * @module harness/targets/container
 * A `container` target, run with testcontainers: the image is started with its endpoint port mapped
 * to a free host port, and stopped (and removed) at the end. Without a container runtime the run is
 * skipped with one line, not failed: no Docker is a property of the machine, not a conformance result.
 * If this process dies before stopping it, testcontainers' reaper (Ryuk) removes the container.
 */
import { getContainerRuntimeClient } from 'testcontainers';
import { RunAbort, RunSkipped } from '../errors.ts';
import { buildContainer, containerPlan } from './container-plan.ts';
import type { TargetLifecycle } from './started-target.ts';
import { waitUntilAnswers } from './wait-until-answers.ts';

const firstLine = (e: unknown) => String((e as Error)?.message ?? e).split('\n')[0]!.trim();

/** Throws RunSkipped when no container runtime (Docker, Podman, …) can be reached. */
export async function requireContainerRuntime(targetName: string, probe: () => Promise<unknown> = getContainerRuntimeClient): Promise<void> {
  try {
    await probe();
  } catch (e) {
    throw new RunSkipped(`target ${targetName} needs a container runtime (Docker or a compatible one), and none was found: ${firstLine(e)}`);
  }
}

export const startContainer: TargetLifecycle = async (target, opts) => {
  const plan = containerPlan(target);
  await requireContainerRuntime(target.name);
  opts.log?.(`target ${target.name}: starting ${plan.image}`);
  let started;
  try {
    started = await buildContainer(plan).start();
  } catch (e) {
    throw new RunAbort('unreachable', `target ${target.name}: ${plan.image} did not start: ${firstLine(e)}`);
  }
  const endpoint = `http://${started.getHost()}:${started.getMappedPort(plan.port)}`;
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= started.stop().then(() => undefined));
  const wait = await waitUntilAnswers(endpoint, { timeoutMs: 30_000 });
  if (!wait.ready) {
    await stop();
    throw new RunAbort('unreachable', `target ${target.name}: ${plan.image} started but ${endpoint} gave ${wait.reason}`);
  }
  return { target: { ...target, endpoint }, stop };
};
