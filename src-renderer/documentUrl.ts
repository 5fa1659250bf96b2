/**
 * The address at which the browser host serves a saved PDF: the part of its absolute path after
 * the data folder's `documents` folder (Windows or POSIX separators), each segment encoded.
 * Null when the path is not inside a documents folder.
 */
export function documentUrl(pdfPath: string): string | null {
  const normalised = pdfPath.replace(/\\/g, '/');
  const marker = '/documents/';
  const at = normalised.lastIndexOf(marker);
  if (at < 0) return null;
  const rel = normalised.slice(at + marker.length);
  if (rel === '' || rel.split('/').some((s) => s === '' || s === '.' || s === '..')) return null;
  return `documents/${rel.split('/').map(encodeURIComponent).join('/')}`;
}
