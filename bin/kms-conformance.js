#!/usr/bin/env node
// Entry point: runs the TypeScript CLI through tsx, so no build step is needed on Node 20.
import { register } from 'tsx/esm/api';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
// Output piped into a reader that stops early (`… | head`): keep going quietly, so a run still
// sweeps what it created and reports its exit code, instead of dying on a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
  });
}
const { main } = await import('../harness/cli/main.ts');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`kms-conformance: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 70;
}
