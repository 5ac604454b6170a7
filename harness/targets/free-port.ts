/**
 * @module harness/targets/free-port
 * A port nothing listens on right now, found by letting the OS pick one and releasing it. Another
 * program could take it before ours binds; the readiness wait then fails with the program's stderr.
 */
import { createServer } from 'node:net';

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
