/**
 * Where the Chromium used for the report's browser checks lives: `KMS_CONFORMANCE_CHROMIUM`, else
 * Debian's `/usr/bin/chromium`. playwright-core drives it; it never downloads a browser of its own.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from 'playwright-core';

export const CHROMIUM_ENV = 'KMS_CONFORMANCE_CHROMIUM';
const DEFAULT = '/usr/bin/chromium';

/** The Chromium executable, or undefined with the reason it was not found. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): { path: string } | { missing: string } {
  const wanted = env[CHROMIUM_ENV];
  if (wanted) return existsSync(wanted) ? { path: wanted } : { missing: `${CHROMIUM_ENV}=${wanted} does not exist` };
  return existsSync(DEFAULT) ? { path: DEFAULT } : { missing: `no Chromium at ${DEFAULT} (install Debian's chromium package or set ${CHROMIUM_ENV})` };
}

/** Headless launch options; `--no-sandbox` because CI and this machine run as root. */
export function launchOptions(executablePath: string): LaunchOptions {
  return { executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] };
}
