/**
 * The process lifecycle with a fake emulator (test-programs/fake-emulator.mjs): it is started on a
 * free port, found ready, and stopped with everything it spawned; a program that never answers or
 * crashes gives one line with its last output; a missing program gives the install command.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withKindDefaults } from '../config/resolve-target.ts';
import { validateTarget } from '../config/target-config.ts';
import { RunAbort } from '../errors.ts';
import { tempDir } from '../test-support/reference-target.ts';
import { findProgram } from './find-program.ts';
import { startProcess } from './process.ts';

const FAKE = fileURLToPath(new URL('./test-programs/fake-emulator.mjs', import.meta.url));

function fakeTarget(env: Record<string, string>, extra: Record<string, unknown> = {}) {
  return withKindDefaults(validateTarget({
    name: 'fake',
    kind: 'process',
    region: 'eu-west-1',
    principals: { primary: { accessKeyId: 'AKIAFAKEFAKEFAKE0001', secretAccessKey: 'fake-secret-for-tests', accountId: '123123123123' } },
    process: { command: process.execPath, args: [FAKE, '--port', '{port}'], env, readyTimeoutMs: 3_000, stopGraceMs: 1_000, ...extra },
  }, 'test'));
}

/** Alive and not a zombie (an exited child of an init that does not reap). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return !existsSync('/proc/self/stat') ? true : false;
  }
}

async function rejection(p: Promise<unknown>): Promise<RunAbort> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e, 'expected the start to fail with a RunAbort').toBeInstanceOf(RunAbort);
  return e as RunAbort;
}

async function pidsOf(file: string): Promise<{ pids: number[]; env: { DATA: string | null } }> {
  // The program writes the file once it listens, which startProcess has already seen; on a busy
  // machine the write may still lag a little, so wait for it (the test's timeout bounds the wait).
  while (!existsSync(file)) await new Promise((r) => setTimeout(r, 20));
  return JSON.parse(readFileSync(file, 'utf8'));
}

describe('process lifecycle', () => {
  it('starts the program on a free port with placeholders filled, answers, and stops it and its children', async () => {
    const pidFile = join(tempDir(), 'pids.json');
    const started = await startProcess(fakeTarget({ FAKE_CHILD: '1', FAKE_PID_FILE: pidFile, FAKE_DATA: '{tempDir}|{region}|{accountId}' }), {});
    const endpoint = started.target.endpoint!;
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(endpoint)).status).toBe(404);
    const { pids, env } = await pidsOf(pidFile);
    expect(pids).toHaveLength(2);
    const [dataDir, region, account] = env.DATA!.split('|');
    expect([region, account]).toEqual(['eu-west-1', '123123123123']);
    expect(existsSync(dataDir!)).toBe(true);

    await started.stop();
    expect(pids.filter(alive), 'program and grandchild stopped').toEqual([]);
    expect(existsSync(dataDir!), 'the temp dir is removed').toBe(false);
    await expect(fetch(endpoint)).rejects.toThrow();
    await started.stop(); // a second stop is harmless
  });

  it('SIGKILLs a program that ignores SIGTERM after the grace period', async () => {
    const pidFile = join(tempDir(), 'pids.json');
    const started = await startProcess(fakeTarget({ FAKE_MODE: 'stubborn', FAKE_PID_FILE: pidFile }), {});
    const { pids } = await pidsOf(pidFile);
    await started.stop();
    expect(pids.filter(alive)).toEqual([]);
  });

  it('a program that never answers: one line with the timeout and its last output, and it is stopped', async () => {
    const before = Date.now();
    const pidFile = join(tempDir(), 'pids.json');
    const e = await rejection(startProcess(fakeTarget({ FAKE_MODE: 'never-ready', FAKE_PID_FILE: pidFile }, { readyTimeoutMs: 1_500 }), {}));
    expect((await pidsOf(pidFile)).pids.filter(alive), 'the program is stopped').toEqual([]);
    expect(e.kind).toBe('unreachable');
    expect(e.message).toMatch(/^target fake: .* no HTTP answer within 2 s \(last: ECONNREFUSED\); its last output: fake: loading plugins \| fake: waiting for a licence server$/);
    expect(e.message).not.toContain('\n');
    expect(Date.now() - before).toBeGreaterThanOrEqual(1_500);
  });

  it('a program that exits while starting: its exit code and last output, without waiting for the timeout', async () => {
    const e = await rejection(startProcess(fakeTarget({ FAKE_MODE: 'crash' }, { readyTimeoutMs: 20_000 }), {}));
    expect(e.message).toMatch(/exited with code 3; its last output: fake: address already in use$/);
  });

  it('a program that is not installed: one line naming the install command', async () => {
    const target = fakeTarget({}, { command: 'kmsct-no-such-emulator', install: 'pip install "no-such-emulator"' });
    const e = await rejection(startProcess(target, {}));
    expect(e.kind).toBe('config');
    expect(e.message).toBe('target fake: kmsct-no-such-emulator is not installed (not on PATH); install it with: pip install "no-such-emulator"');
  });

  it('a target declared unavailable fails with its one line and starts nothing', async () => {
    const e = await rejection(startProcess(fakeTarget({}, { unavailable: 'cannot run here; use container:x' }), {}));
    expect(e.message).toBe('target fake: cannot run here; use container:x');
  });

  it('an unknown placeholder is a configuration error naming it', async () => {
    const e = await rejection(startProcess(fakeTarget({ X: '{nope}' }), {}));
    expect(e.message).toMatch(/^target fake: env\.X: placeholder \{nope\} has no value here/);
  });
});

describe('findProgram', () => {
  function installFake(dir: string, name: string): string {
    mkdirSync(dir, { recursive: true });
    const p = join(dir, name);
    writeFileSync(p, '#!/bin/sh\n');
    chmodSync(p, 0o755);
    return p;
  }

  it('looks on PATH first, then in $GOBIN, then in $GOPATH/bin', () => {
    const root = tempDir();
    const gobinOnly = installFake(join(root, 'gobin'), 'emu-a');
    const gopathOnly = installFake(join(root, 'gopath', 'bin'), 'emu-b');
    const onPath = installFake(join(root, 'path'), 'emu-a');
    const env = { PATH: join(root, 'path'), GOBIN: join(root, 'gobin'), GOPATH: join(root, 'gopath') };
    const lookIn = ['{GOBIN}', '{GOPATH}/bin'];
    expect(findProgram('emu-a', lookIn, env)).toBe(onPath);
    expect(findProgram('emu-a', lookIn, { ...env, PATH: '' })).toBe(gobinOnly);
    expect(findProgram('emu-b', lookIn, env)).toBe(gopathOnly);
    expect(findProgram('emu-b', [], env)).toBeUndefined();
  });

  it('takes a path as given, and ignores files that are not executable', () => {
    const root = tempDir();
    const p = installFake(root, 'emu');
    expect(findProgram(p, [], { PATH: '' })).toBe(p);
    chmodSync(p, 0o644);
    expect(findProgram(p, [], { PATH: '' })).toBeUndefined();
  });
});
