/**
 * @module harness/cli/actions/serve
 * What `serve` does: start the reference endpoint, say how to use it, and serve until a signal.
 */
import { PRIMARY_ACCOUNT, SECONDARY_ACCOUNT } from '#reference/accounts.ts';
import { startReferenceServer } from '#reference/server.ts';
import { RunAbort } from '../../errors.ts';

export async function serve(opts: { port: number; host: string; regions?: string[]; fault?: string[] }, write: (l: string) => void): Promise<void> {
  let ref;
  try {
    ref = await startReferenceServer({ port: opts.port, host: opts.host, ...(opts.regions && { regions: opts.regions }), faults: opts.fault ?? [], log: (m) => process.stderr.write(`${m}\n`) });
  } catch (e) {
    throw new RunAbort('usage', (e as Error).message);
  }
  if (opts.fault?.length) write(`faults switched on: ${opts.fault.join(', ')}`);
  write(`kms-conformance reference KMS endpoint listening on ${ref.url}`);
  write('');
  write('Default accounts (test credentials of this local endpoint, not secrets):');
  for (const [name, a] of [['primary', PRIMARY_ACCOUNT], ['secondary', SECONDARY_ACCOUNT]] as const) {
    const c = a.credentials[0]!;
    write(`  ${name.padEnd(9)} account ${a.accountId}  AWS_ACCESS_KEY_ID=${c.accessKeyId}  AWS_SECRET_ACCESS_KEY=${c.secretAccessKey}`);
  }
  write('');
  write('Try it:');
  write(`  export AWS_ENDPOINT_URL_KMS=${ref.url} AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_ACCESS_KEY_ID=${PRIMARY_ACCOUNT.credentials[0]!.accessKeyId} AWS_SECRET_ACCESS_KEY=${PRIMARY_ACCOUNT.credentials[0]!.secretAccessKey}`);
  write('  aws kms create-key --origin EXTERNAL');
  write(`  kms-conformance run --endpoint ${ref.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => void ref.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
