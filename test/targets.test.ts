/**
 * `run --target <name>` for targets the harness starts, end to end through the real CLI:
 * moto and local-kms on a small subset (skipped with a reason where they are not installed, except
 * in CI, which installs them), the emulator gone afterwards; container targets skipped with one line
 * where there is no container runtime; LocalStack host mode and missing programs as one line, exit 2.
 *
 * The emulator runs and Ctrl-C are real `kms-conformance` processes: what they check is that the
 * started program is gone once that process is done (and the program inherits the process's
 * environment, which harness/targets/process.ts does not take from `main()`). The one-line refusals
 * and the skipped container target are `main()` in-process (test/in-process.ts).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { getContainerRuntimeClient } from 'testcontainers';
import { describe, expect, it } from 'vitest';
import { findProgram } from '../harness/targets/find-program.ts';
import { tempDir } from '../harness/test-support/reference-target.ts';
import { collect, startCli, runCli } from './cli-support.ts';
import { runMain } from './in-process.ts';

const SUBSET = 'KEY-0[45]';

/** Live processes whose arguments or environment include `entry` exactly (Linux /proc). */
function processesWith(entry: string): string[] {
  if (!existsSync('/proc/self/environ')) return [];
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2)[0] === 'Z') continue;
      const parts = [...readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'), ...readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')];
      if (parts.includes(entry)) found.push(pid);
    } catch {
      /* ended while we looked */
    }
  }
  return found;
}

/** Running (not a zombie waiting for an init that does not reap). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!existsSync(`/proc/${pid}/stat`)) return !existsSync('/proc/self/stat');
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

interface Emulator {
  target: string;
  command: string;
  lookIn: string[];
  install: string;
  /** How the started program names its port, to find it among processes afterwards. */
  portEntry: (port: string) => string;
}

const EMULATORS: Emulator[] = [
  { target: 'moto', command: 'moto_server', lookIn: [], install: 'pip install "moto[server]"', portEntry: (p) => p },
  { target: 'local-kms', command: 'local-kms', lookIn: ['{GOBIN}', '{GOPATH}/bin'], install: 'go install github.com/nsmithuk/local-kms@…', portEntry: (p) => `PORT=${p}` },
];

describe.each(EMULATORS)('kms-conformance run --target $target', (emu) => {
  it(`runs a subset against a ${emu.command} it starts, and stops it`, async (ctx) => {
    if (!findProgram(emu.command, emu.lookIn) && !process.env.CI) ctx.skip(`${emu.command} is not installed (${emu.install})`);
    const out = tempDir();
    const r = await runCli(['run', '--target', emu.target, '--grep', SUBSET, '--out', out]);
    expect(r.stderr, r.stderr).not.toMatch(/kms-conformance: /);
    expect([0, 1], `exit code ${r.code}; stdout: ${r.stdout}`).toContain(r.code);
    expect(r.stdout).toContain(`starting target ${emu.target}…`);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.target).toMatchObject({ name: emu.target, kind: 'process' });
    expect(results.requirements.map((q: { id: string }) => q.id).sort()).toEqual(['KEY-04', 'KEY-05']);
    const endpoint = new URL(results.target.endpoint as string);
    expect(endpoint.hostname).toBe('127.0.0.1');
    await expect(fetch(endpoint), 'nothing answers on the endpoint after the run').rejects.toThrow();
    expect(processesWith(emu.portEntry(endpoint.port)), 'no emulator process is left').toEqual([]);
  }, 180_000);
});

describe('container targets without a container runtime', () => {
  it('run --target container:localstack is skipped with one line and exit code 0', async (ctx) => {
    const runtime = await getContainerRuntimeClient().then(() => true, () => false);
    if (runtime) ctx.skip('a container runtime is available here, so the target would really start');
    const out = tempDir();
    const r = await runMain(['run', '--target', 'container:localstack', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n').filter((l) => !l.startsWith('starting target'));
    expect(lines).toEqual([expect.stringMatching(/^kms-conformance: skipped: target container:localstack needs a container runtime \(Docker or a compatible one\), and none was found: .+/)]);
    expect(existsSync(join(out, 'results.json')), 'a skipped run writes no results').toBe(false);
  }, 60_000);

  it('with --require-runtime the same run fails with one line and exit code 2', async (ctx) => {
    const runtime = await getContainerRuntimeClient().then(() => true, () => false);
    if (runtime) ctx.skip('a container runtime is available here, so the target would really start');
    const r = await runMain(['run', '--target', 'container:localstack', '--require-runtime', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kms-conformance: target container:localstack needs a container runtime .* \(--require-runtime: not skipping\)\n$/);
  }, 120_000);
});

describe('targets that cannot start: one line, exit code 2', () => {
  it('localstack (host mode) explains why and points to container:localstack', async () => {
    const r = await runMain(['run', '--target', 'localstack']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kms-conformance: target localstack: LocalStack host mode .* use --target container:localstack where a container runtime exists\n$/);
  });

  it('a configured program that is not installed names its install command', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'kms-conformance.config.json'), JSON.stringify({
      targets: { emu: { kind: 'process', region: 'us-east-1', process: { command: 'kmsct-absent-emulator', install: 'pip install absent-emulator' }, principals: { primary: { accessKeyId: 'AKIAABSENTABSENT0001', secretAccessKey: 'absent-secret' } } } },
    }));
    const r = await runMain(['run', '--target', 'emu'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kms-conformance: target emu: kmsct-absent-emulator is not installed (not on PATH); install it with: pip install absent-emulator\n');
  });

  it('a bad process definition in the config file', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'kms-conformance.config.json'), JSON.stringify({ targets: { emu: { kind: 'process', region: 'us-east-1', process: { command: 'x', port: 'any' } } } }));
    const r = await runMain(['run', '--target', 'emu'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kms-conformance: \S+kms-conformance\.config\.json: targets\.emu\.process\.port: [^\n]+\n$/);
  });
});

describe('Ctrl-C while a process target is starting', () => {
  it('stops the program and exits 130', async () => {
    const cwd = tempDir();
    const pidFile = join(cwd, 'pids.json');
    const fake = fileURLToPath(new URL('../harness/targets/test-programs/fake-emulator.mjs', import.meta.url));
    writeFileSync(join(cwd, 'kms-conformance.config.json'), JSON.stringify({
      targets: { slow: { kind: 'process', region: 'us-east-1', process: { command: process.execPath, args: [fake], env: { FAKE_MODE: 'never-ready', FAKE_PID_FILE: pidFile }, readyTimeoutMs: 60_000 }, principals: { primary: { accessKeyId: 'AKIASLOWSLOWSLOW0001', secretAccessKey: 'slow-secret' } } } },
    }));
    const child = startCli(['run', '--target', 'slow'], undefined, cwd);
    const done = collect(child);
    // However long a busy machine takes to start the CLI and the program (the test's timeout bounds
    // it): until the program has written its pids, or the CLI has already ended.
    let ended = false;
    void done.then(() => (ended = true));
    let pids: number[] | undefined;
    while (!pids && !ended) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        pids = (JSON.parse(readFileSync(pidFile, 'utf8')) as { pids: number[] }).pids;
      } catch {
        // not written yet, or half written
      }
    }
    expect(pids, 'the program wrote its pids before the run ended').toBeDefined();
    child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(130);
    expect(pids!.filter(alive), 'the program is stopped').toEqual([]);
  }, 120_000);
});
