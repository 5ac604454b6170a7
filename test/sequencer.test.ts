/**
 * The longest-first list of vitest.config.ts names files that exist, in the unit project: a renamed
 * test would otherwise drop to the end of a fresh clone's run without anyone noticing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LONGEST_UNIT_TESTS } from '../vitest.config.ts';
import { ROOT } from './cli-support.ts';

it('lists only unit test files that exist, each once', () => {
  expect(LONGEST_UNIT_TESTS.filter((f) => !existsSync(join(ROOT, f)) || !f.endsWith('.test.ts') || f.startsWith('test/emulators/'))).toEqual([]);
  expect(new Set(LONGEST_UNIT_TESTS).size).toBe(LONGEST_UNIT_TESTS.length);
});
