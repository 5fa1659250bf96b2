import fs from 'node:fs';
import path from 'node:path';

/** Saved documents are addressed as `/documents/<path under <dataDir>/documents>` by every host. */
export const DOCUMENTS_PREFIX = '/documents/';

/**
 * The absolute path of an existing .pdf file inside `root`, or null. Both sides are resolved to
 * their real paths, so neither "..", encoded separators nor a symbolic link can lead outside.
 */
export function resolveInside(root: string, pathname: string): string | null {
  if (!pathname.startsWith(DOCUMENTS_PREFIX)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(DOCUMENTS_PREFIX.length));
  } catch {
    return null;
  }
  if (rel === '' || rel.includes('\0') || path.extname(rel).toLowerCase() !== '.pdf') return null;
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = fs.realpathSync(root);
    realFile = fs.realpathSync(path.resolve(realRoot, rel));
  } catch {
    return null; // missing file or folder
  }
  if (!realFile.startsWith(realRoot + path.sep)) return null;
  if (path.extname(realFile).toLowerCase() !== '.pdf') return null;
  return fs.statSync(realFile).isFile() ? realFile : null;
}
