/** The tape files named on the command line: files as given, folders searched for *.tape. */
import { statSync } from 'node:fs';
import { findTapes } from '../tape/files.js';
import { UsageError } from './args.js';

export function collectTapes(paths: readonly string[]): string[] {
  if (paths.length === 0) throw new UsageError('no tape given: name .tape files or folders');
  const files: string[] = [];
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new UsageError(`no such file or folder: "${path}"`);
    }
    if (!isDir) files.push(path);
    else {
      const found = findTapes(path);
      if (found.length === 0) throw new UsageError(`no .tape files in the folder "${path}"`);
      files.push(...found);
    }
  }
  return [...new Set(files)];
}
