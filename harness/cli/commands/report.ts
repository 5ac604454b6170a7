/**
 * @module harness/cli/commands/report
 * `kms-conformance report …`: commands over written reports. Each subcommand lives in its own file.
 */
import { addReportVerify } from './report-verify.ts';
import type { RegisterCommand } from './types.ts';

export const registerReport: RegisterCommand = (program, ctx) => {
  const report = program.command('report').description('work with written reports');
  addReportVerify(report, ctx);
};
