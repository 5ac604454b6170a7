/**
 * The project type-checks. Much of what the reference promises is a compile error rather than a
 * run-time one (an operation missing from the list, a handler answering the wrong shape, a key-state
 * table without every state: reference/operations/define.type-test.ts), so CI must compile it.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { ROOT } from './cli-support.ts';

it('tsc --noEmit finds no error', async () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = await promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', ROOT], { cwd: ROOT }).then(
    () => ({ code: 0, out: '' }),
    (e: { code?: number; stdout?: string }) => ({ code: e.code ?? 1, out: e.stdout ?? '' }),
  );
  expect(run.out).toBe('');
  expect(run.code).toBe(0);
}, 300_000);
