/**
 * Writing a report: to a temporary file beside the target, then renamed, so a reader never sees half
 * a report and a failed run leaves nothing behind. A folder that does not exist is the caller's
 * mistake (exit 2), not something to create.
 */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export class ReportPathError extends Error {
  override readonly name = 'ReportPathError';
}

/** Throws ReportPathError when the report cannot be written there; call it before the run. */
export function checkReportPath(path: string): void {
  if (path === '') throw new ReportPathError('--report: expected a file name');
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) throw new ReportPathError(`${path}: cannot write the report: the folder ${folder} does not exist`);
  if (!statSync(folder).isDirectory()) throw new ReportPathError(`${path}: cannot write the report: ${folder} is not a folder`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new ReportPathError(`${path}: cannot write the report: it is a folder`);
}

export function writeReport(path: string, html: string): void {
  checkReportPath(path);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, html);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}
