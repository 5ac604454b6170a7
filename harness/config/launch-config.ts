/**
 * @module harness/config/launch-config
 * How the harness starts a target it owns: a local program (`process`) or a container image
 * (`container`). Pure data, so a config file can define its own and the resolved target can be handed
 * to the spec workers unchanged. Placeholders in args and env values are filled in at start:
 * `{port}` (the port the target listens on: a free one unless `port` is fixed), `{host}`, `{region}`,
 * `{accountId}` (the primary principal's) and `{tempDir}` (a fresh directory, deleted after the run).
 */
import { z } from 'zod';

const Port = z.number().int().min(1).max(65_535);
const Env = z.record(z.string(), z.string());

export const ProcessLaunchSchema = z.object({
  /** The program: a name looked up on PATH (and in `lookIn`), or a path. */
  command: z.string().min(1),
  args: z.array(z.string()).default([]),
  env: Env.default({}),
  /** Host the program listens on and the endpoint points at. */
  host: z.string().min(1).default('127.0.0.1'),
  /** A fixed port; by default a free port is found and passed through `{port}`. */
  port: Port.optional(),
  /** Extra folders to look for the command in; `{GOBIN}` and `{GOPATH}` are Go's (from env, else `go env`). */
  lookIn: z.array(z.string()).default([]),
  /** The one command that installs the program, shown when it is missing. */
  install: z.string().min(1).optional(),
  /** How long to wait until the program answers HTTP. */
  readyTimeoutMs: z.number().int().positive().default(30_000),
  /** After SIGTERM, how long before SIGKILL. */
  stopGraceMs: z.number().int().positive().default(5_000),
  /** Set when the program cannot be started here at all: the one line explaining why. */
  unavailable: z.string().min(1).optional(),
  /** How to learn the program's version for the report: a command (`{program}` is its path) and a pattern whose group 1 is the version. */
  version: z.object({ command: z.array(z.string().min(1)).min(1), pattern: z.string().optional() }).strict().optional(),
}).strict();

export const ContainerLaunchSchema = z.object({
  /** An image reference; pin a tag. */
  image: z.string().min(1),
  /** The port the endpoint listens on inside the container. */
  port: Port,
  env: Env.default({}),
  /** Overrides the image's command. */
  command: z.array(z.string()).optional(),
  /** What "started" means: an HTTP path answering (any status), or a line in the log. */
  wait: z.union([
    z.object({ http: z.string().startsWith('/') }).strict(),
    z.object({ log: z.string().min(1) }).strict(),
  ]).default({ http: '/' }),
  startupTimeoutMs: z.number().int().positive().default(120_000),
  /** Use @testcontainers/localstack's LocalstackContainer (it knows LocalStack's ports and readiness). */
  flavour: z.enum(['generic', 'localstack']).default('generic'),
}).strict();

export type ProcessLaunch = z.infer<typeof ProcessLaunchSchema>;
export type ContainerLaunch = z.infer<typeof ContainerLaunchSchema>;
