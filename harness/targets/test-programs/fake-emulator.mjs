#!/usr/bin/env node
// A stand-in for an emulator in the lifecycle tests. Behaviour by FAKE_MODE:
//   ready (default): listens on $PORT (or the --port argument) and answers every request with 404;
//                    with FAKE_CHILD=1 it also starts a grandchild in its group (to check group stop);
//                    writes its pid (and the grandchild's) to $FAKE_PID_FILE.
//   never-ready:     writes to stderr and never listens.
//   crash:           writes to stderr and exits 3 at once.
//   stubborn:        like ready, but ignores SIGTERM (only SIGKILL stops it).
import { spawn } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

const mode = process.env.FAKE_MODE ?? 'ready';
const argPort = process.argv.indexOf('--port');
const port = Number(argPort > 0 ? process.argv[argPort + 1] : process.env.PORT);
const pids = [process.pid];

/** Written whole or not at all (a reader polling for the file never sees half of it). */
function writePids(env) {
  const file = process.env.FAKE_PID_FILE;
  if (!file) return;
  writeFileSync(`${file}.tmp`, JSON.stringify({ pids, env }));
  renameSync(`${file}.tmp`, file);
}

if (mode === 'never-ready') {
  writePids({});
  process.stderr.write('fake: loading plugins\nfake: waiting for a licence server\n');
  setInterval(() => {}, 1000);
} else if (mode === 'crash') {
  process.stderr.write('fake: address already in use\n');
  process.exit(3);
} else {
  if (mode === 'stubborn') process.on('SIGTERM', () => process.stderr.write('fake: ignoring SIGTERM\n'));
  if (process.env.FAKE_CHILD === '1') {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    pids.push(child.pid);
  }
  createServer((req, res) => res.writeHead(404).end('nothing here')).listen(port, '127.0.0.1', () => {
    writePids({ DATA: process.env.FAKE_DATA ?? null });
  });
}
