/**
 * @module harness/cli/commands/types
 * What each command module gets from `main`: the program to add its command to, a line writer, and
 * a way to set the exit code.
 */
import type { Command } from 'commander';

export interface CommandContext {
  write: (line: string) => void;
  setExitCode: (code: number) => void;
}

export type RegisterCommand = (program: Command, ctx: CommandContext) => void;
