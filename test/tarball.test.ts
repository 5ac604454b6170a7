/**
 * The package installs from its own tarball into an empty project and runs there: `npm pack`, then
 * `npm install ./kms-conformance-*.tgz` and `npx kms-conformance run` (a true end-to-end run, with
 * the real npm and the installed program). Container support is an optional peer: the install brings
 * no native build scripts (ssh2, cpu-features), and a container target says what to install.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, ROOT } from './cli-support.ts';

const exec = promisify(execFile);
const run = (cmd: string, args: string[], cwd: string) =>
  exec(cmd, args, { cwd, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }),
  );

describe('installed from its tarball into an empty project', () => {
  const work = mkdtempSync(join(tmpdir(), 'kmsct-tarball-'));
  const project = join(work, 'consumer');
  let install: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    const pack = await run('npm', ['pack', '--pack-destination', work, '--silent'], ROOT);
    expect(pack.code, pack.stderr).toBe(0);
    const tgz = readdirSync(work).find((f) => /^kms-conformance-.*\.tgz$/.test(f));
    expect(tgz, 'npm pack wrote a tarball').toBeDefined();
    await exec('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    install = await run('npm', ['install', join(work, tgz!), '--no-audit', '--no-fund', '--prefer-offline'], project);
  }, 600_000);

  it('installs without native build scripts from container support', () => {
    expect(install.code, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/ssh2|cpu-features/);
    expect(existsSync(join(project, 'node_modules', 'testcontainers'))).toBe(false);
  });

  it('runs: npx kms-conformance --version and run, against the embedded reference, with a report', async () => {
    const version = await run('npx', ['kms-conformance', '--version'], project);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const r = await run('npx', ['kms-conformance', 'run', '--grep', 'KEY-01', '--out', 'out'], project);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(project, 'out', 'results.json'), 'utf8')) as { verdict: string; summary: { total: number } };
    expect(results).toMatchObject({ verdict: 'conformant', summary: { total: 1 } });
    expect(existsSync(join(project, 'out', 'index.html'))).toBe(true);
  }, 300_000);

  it('says what to install for a container target, in one line', async () => {
    const r = await run('npx', ['kms-conformance', 'run', '--target', 'container:moto'], project);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kms-conformance: target container:moto needs the container packages, which are optional: npm install testcontainers@11\.14\.0 @testcontainers\/localstack@11\.14\.0\n$/);
  }, 120_000);
});
