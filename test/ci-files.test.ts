/**
 * The ready-made CI files, checked as far as a machine without a container engine and without
 * GitHub allows: the emulator workflow passes actionlint (installed from the Go module proxy by
 * .ci/run) and every kms-conformance command in it and in the README's sharding recipe uses only
 * options the CLI has; the Dockerfile copies everything the package is made of, and builds the image
 * by `npm pack` and a global install of the tarball, which test/tarball.test.ts runs for real.
 * Not checked here: building and running the image, and running the workflow on GitHub.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findProgram } from '../harness/targets/find-program.ts';
import { ROOT } from './cli-support.ts';
import { runMain } from './in-process.ts';

const WORKFLOW = join(ROOT, 'ci', 'emulator-conformance.yml');

/** The kms-conformance command lines of a text (shell continuations joined), as words. */
function commands(text: string): string[][] {
  const joined = text.replace(/\\\n\s*/g, ' ');
  return [...joined.matchAll(/(?:^|\s)(?:npx )?kms-conformance ((?:run|report|baseline|list)[^\n|&;]*)/g)].map((m) => m[1]!.trim().split(/\s+/));
}

/** The long options `kms-conformance <command…> --help` lists. */
async function optionsOf(command: string[]): Promise<Set<string>> {
  const r = await runMain([...command, '--help']);
  return new Set([...r.stdout.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]));
}

describe('ci/emulator-conformance.yml', () => {
  it('passes actionlint', async (ctx) => {
    const actionlint = findProgram('actionlint', ['{GOBIN}', '{GOPATH}/bin']);
    if (!actionlint) {
      if (process.env.CI) throw new Error('actionlint is not installed (go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.7)');
      ctx.skip('actionlint is not installed (go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.7)');
    }
    const r = await promisify(execFile)(actionlint!, [WORKFLOW]).then(() => ({ code: 0, out: '' }), (e: { code?: number; stdout?: string }) => ({ code: e.code ?? 1, out: e.stdout ?? '' }));
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it.each([
    ['the workflow', () => readFileSync(WORKFLOW, 'utf8')],
    ['the README', () => readFileSync(join(ROOT, 'README.md'), 'utf8')],
  ])('uses only options the CLI has, in %s', async (_name, text) => {
    const lines = commands(text());
    expect(lines.length).toBeGreaterThan(2);
    for (const words of lines) {
      const sub = words[0] === 'report' || words[0] === 'baseline' ? words.slice(0, 2) : words.slice(0, 1);
      const known = await optionsOf(sub);
      for (const w of words.filter((x) => x.startsWith('--'))) expect(known, `${words.join(' ')}: ${w}`).toContain(w.split('=')[0]);
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

  it('copies every part of the package, and each thing it copies exists', () => {
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    for (const c of copied) expect(existsSync(join(ROOT, c)), c).toBe(true);
    const files = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files.filter((f) => !f.startsWith('!'));
    for (const f of files) expect(copied, `package.json files: ${f}`).toContain(f);
  });

  it('builds the image from npm pack and a global install of the tarball, and runs the installed command', () => {
    expect(dockerfile).toMatch(/^RUN npm pack /m);
    expect(dockerfile).toMatch(/^RUN npm install --global .*kms-conformance-\*\.tgz/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["kms-conformance"\]$/m);
    expect(dockerfile).toMatch(/^FROM node:20-/m);
  });
});
