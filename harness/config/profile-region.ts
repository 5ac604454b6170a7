/**
 * @module harness/config/profile-region
 * The region a shared-config profile names, read the way the SDK reads it: `AWS_CONFIG_FILE` (default
 * `~/.aws/config`), section `[default]` or `[profile <name>]`, key `region`. Only needed because the
 * target config is resolved synchronously and must name its region before any client exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The profile's `region`, or undefined when the file, the profile or the key is absent. */
export function regionOfProfile(profile: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const path = env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config');
  if (!existsSync(path)) return undefined;
  const name = profile ?? 'default';
  const wanted = name === 'default' ? ['default', 'profile default'] : [`profile ${name}`];
  let inSection = false;
  for (const raw of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const section = /^\[\s*(.+?)\s*\]$/.exec(line);
    if (section) {
      inSection = wanted.includes(section[1]!.replace(/\s+/g, ' '));
      continue;
    }
    const kv = /^region\s*=\s*(\S+)$/.exec(line);
    if (inSection && kv && !/^\s/.test(raw)) return kv[1];
  }
  return undefined;
}
