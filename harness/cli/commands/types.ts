/**
 * @module harness/cli/commands/types
 * What each command module gets from `main`: the program to add its command to, where its output
 * goes, the environment and working directory it runs in, and a way to set the exit code. Tests
 * call `main` in-process with their own.
 */
import type { Command } from 'commander';

/** Where a command's output goes and what it runs in. */
export interface CliIo {
  /** A line of standard output. */
  write: (line: string) => void;
  /** Text for standard error (usage messages, the one-line errors). */
  writeErr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Standard output is a terminal (colour unless NO_COLOR; FORCE_COLOR forces it). */
  isTTY?: boolean;
}

export interface CommandContext extends CliIo {
  setExitCode: (code: number) => void;
}

export type RegisterCommand = (program: Command, ctx: CommandContext) => void;
