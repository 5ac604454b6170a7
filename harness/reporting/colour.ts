/**
 * @module harness/reporting/colour
 * Colour for the console, by the conventions people have: FORCE_COLOR forces it (unless it is `0`
 * or `false`), a non-empty NO_COLOR turns it off, and otherwise it is on only when standard output
 * is a terminal. Files (results.json, the reports, JUnit) never get colour.
 */
import { stripVTControlCharacters } from 'node:util';
import pc from 'picocolors';

export type Paint = ReturnType<typeof pc.createColors>;

export function colourEnabled(env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY === true;
}

export function paint(enabled: boolean): Paint {
  return pc.createColors(enabled);
}

/** Removes ANSI escape codes (vitest's assertion messages and diffs carry them). */
export const stripAnsi = (text: string): string => stripVTControlCharacters(text);
