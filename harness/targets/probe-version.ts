/**
 * @module harness/targets/probe-version
 * The version of a program the harness starts, for the report and the compatibility table. A
 * probe is a command (placeholders: `{program}`, the resolved path of the target's program) and an
 * optional pattern whose first group is the version; without one, the first output line is.
 * Best effort: a probe that fails, hangs or prints nothing gives no version, never an error.
 */
import { execFile } from 'node:child_process';

export interface VersionProbe {
  command: string[];
  pattern?: string;
}

export function probeVersion(probe: VersionProbe, program: string, timeoutMs = 10_000): Promise<string | undefined> {
  const [cmd, ...args] = probe.command.map((a) => a.replaceAll('{program}', program));
  if (!cmd) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, encoding: 'utf8' }, (err, stdout) => {
      if (err) return resolve(undefined);
      const text = stdout.trim();
      const found = probe.pattern ? new RegExp(probe.pattern, 'm').exec(text)?.[1] : text.split('\n')[0];
      resolve(found?.trim().slice(0, 100) || undefined);
    });
  });
}
