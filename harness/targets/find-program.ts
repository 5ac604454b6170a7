/**
 * @module harness/targets/find-program
 * Finds the program of a process target: a path as given, else the first executable of that name
 * on PATH or in the target's extra folders. `{GOBIN}` and `{GOPATH}` in those folders are Go's
 * install folders (`go install` puts binaries in $GOBIN, else $(go env GOPATH)/bin), read from the
 * environment first and from `go env` only when needed.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function goEnv(name: 'GOBIN' | 'GOPATH', env: NodeJS.ProcessEnv): string | undefined {
  if (env[name]) return env[name];
  try {
    const v = execFileSync('go', ['env', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
    if (v) return v.split(delimiter)[0];
  } catch {
    /* no Go toolchain: fall back to Go's default below */
  }
  return name === 'GOPATH' ? join(homedir(), 'go') : undefined;
}

/** The folders searched, in order: PATH, then the target's `lookIn` with Go placeholders filled. */
export function searchFolders(lookIn: string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const path = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const extra: string[] = [];
  for (const dir of lookIn) {
    let missing = false;
    const filled = dir.replace(/\{(GOBIN|GOPATH)\}/g, (_, k: 'GOBIN' | 'GOPATH') => {
      const v = goEnv(k, env);
      if (!v) missing = true;
      return v ?? '';
    });
    if (!missing) extra.push(filled);
  }
  return [...path, ...extra];
}

/** The program's absolute path, or undefined when it is not installed. */
export function findProgram(command: string, lookIn: string[] = [], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | undefined {
  if (command.includes('/')) {
    const p = isAbsolute(command) ? command : resolve(cwd, command);
    return executable(p) ? p : undefined;
  }
  for (const dir of searchFolders(lookIn, env)) {
    const p = join(dir, command);
    if (executable(p)) return p;
  }
  return undefined;
}
