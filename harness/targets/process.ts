/**
 * @module harness/targets/process
 * A `process` target: the harness starts a local program (an emulator) on a free port, waits until
 * it answers HTTP, and at the end stops exactly what it started.
 *
 * The program runs in its own process group (detached), so a wrapper script and its children are
 * stopped together: SIGTERM to the group, SIGKILL after a grace period. Nothing else is ever
 * signalled. A Ctrl-C while the program is still starting stops it too, and if this process exits
 * without stopping it (an uncaught error), an exit hook kills the group.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcessLaunch } from '../config/launch-config.ts';
import type { TargetConfig } from '../config/target-config.ts';
import { RunAbort } from '../errors.ts';
import { findProgram } from './find-program.ts';
import { freePort } from './free-port.ts';
import type { StartedTarget, TargetLifecycle } from './started-target.ts';
import { fill, uses } from './placeholders.ts';
import { probeVersion } from './probe-version.ts';
import { waitUntilAnswers } from './wait-until-answers.ts';

/** The last lines a program wrote (stdout and stderr), for error messages. */
class OutputTail {
  private lines: string[] = [];
  private partial = '';
  push(chunk: Buffer): void {
    const parts = (this.partial + chunk.toString('utf8')).split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts.filter((l) => l.trim()));
    if (this.lines.length > 20) this.lines = this.lines.slice(-20);
  }
  /** The last `n` lines on one line, ` | `-separated. */
  last(n = 3): string {
    const all = this.partial.trim() ? [...this.lines, this.partial] : this.lines;
    return all.slice(-n).map((l) => l.trim().slice(0, 300)).join(' | ');
  }
}

/** Sends a signal to the group led by `pid`; false when the group no longer exists. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the group still has a live member. On Linux, zombies (exited, not yet reaped by an init
 * that may never reap them) do not count: /proc tells them apart, `kill(-pgid, 0)` does not.
 */
export function groupAlive(pgid: number): boolean {
  if (!signalGroup(pgid, 0)) return false;
  if (!existsSync('/proc/self/stat')) return true;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command (which may contain spaces): state, ppid, pgrp, …
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') return true;
    } catch {
      /* the process ended while we looked */
    }
  }
  return false;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGTERM to the group, SIGKILL after the grace period, until the group is gone. */
async function stopGroup(child: ChildProcess, graceMs: number): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  if (!signalGroup(pid, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  // The grace timer must not outlive the program: an un-cleared one kept the CLI alive for the whole grace.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited(child), new Promise<void>((r) => (timer = setTimeout(r, graceMs)))]);
  clearTimeout(timer);
  // The leader may be gone while a child it spawned lingers in the group: wait out the rest of the grace.
  while (groupAlive(pid) && Date.now() < deadline) await sleep(50);
  if (groupAlive(pid)) {
    signalGroup(pid, 'SIGKILL');
    await exited(child);
  }
}

/** The endpoint URL for a listening host (a wildcard address is reached through loopback). */
function endpointFor(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

function notInstalled(target: TargetConfig, launch: ProcessLaunch): RunAbort {
  const how = launch.install ? `install it with: ${launch.install}` : 'install it or give its path as "command"';
  return new RunAbort('config', `target ${target.name}: ${launch.command} is not installed (not on PATH${launch.lookIn.length ? ' nor in Go\'s bin folders' : ''}); ${how}`);
}

export const startProcess: TargetLifecycle = async (target, opts) => {
  const launch = target.process;
  if (!launch) throw new RunAbort('config', `target ${target.name}: no "process" settings`);
  if (launch.unavailable) throw new RunAbort('config', `target ${target.name}: ${launch.unavailable}`);
  const program = findProgram(launch.command, launch.lookIn);
  if (!program) throw notInstalled(target, launch);

  const where = `target ${target.name}`;
  const port = launch.port ?? await freePort(launch.host);
  const templated = [...launch.args, ...Object.values(launch.env)];
  const tempDir = uses(templated, 'tempDir') ? mkdtempSync(join(tmpdir(), 'kmsct-target-')) : undefined;
  const values = { port: String(port), host: launch.host, region: target.region, accountId: target.principals.primary.accountId, tempDir };
  const removeTemp = () => tempDir && rmSync(tempDir, { recursive: true, force: true });
  let args: string[];
  let env: NodeJS.ProcessEnv;
  try {
    args = launch.args.map((a) => fill(a, values, `${where}: args`));
    env = { ...process.env, ...Object.fromEntries(Object.entries(launch.env).map(([k, v]) => [k, fill(v, values, `${where}: env.${k}`)])) };
  } catch (e) {
    removeTemp();
    throw e;
  }

  const child = spawn(program, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = new OutputTail();
  child.stdout?.on('data', (c: Buffer) => tail.push(c));
  child.stderr?.on('data', (c: Buffer) => tail.push(c));
  let exitReason: string | undefined;
  child.once('error', (e) => (exitReason = `could not be started: ${e.message}`));
  child.once('exit', (code, signal) => (exitReason ??= signal ? `exited on ${signal}` : `exited with code ${code}`));

  // Safety net: this process is ending without having stopped the program.
  const onExit = () => child.pid !== undefined && child.exitCode === null && signalGroup(child.pid, 'SIGKILL');
  process.on('exit', onExit);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      try {
        await stopGroup(child, launch.stopGraceMs);
      } finally {
        process.removeListener('exit', onExit);
        removeTemp();
      }
    })();
    return stopping;
  };

  // A Ctrl-C while waiting: the run has not started, so stop the program and leave with 130.
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const endpoint = endpointFor(launch.host, port);
  opts.log?.(`${where}: started ${launch.command} (pid ${child.pid}) on ${endpoint}`);
  const wait = await waitUntilAnswers(endpoint, { timeoutMs: launch.readyTimeoutMs, gaveUp: () => exitReason });
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  if (!wait.ready) {
    await stop();
    const said = tail.last();
    throw new RunAbort('unreachable', `${where}: ${launch.command} ${wait.reason}${said ? `; its last output: ${said}` : ''}`);
  }
  const version = target.version ?? (launch.version && (await probeVersion(launch.version, program)));
  const started: StartedTarget = { target: { ...target, endpoint, ...(version && { version }) }, stop };
  return started;
};
