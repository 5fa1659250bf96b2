/**
 * The address the browser host serves a saved PDF at: GET /documents/<path under <dataDir>/documents>.
 * The core replies with the absolute path; only the part after "/documents/" goes in the link (the
 * host refuses anything outside that folder anyway). Null when the path is not under a documents
 * folder: the screen then shows the path as text.
 */
export function documentUrl(absolutePath: string): string | null {
  const normalised = absolutePath.replace(/\\/g, '/');
  const at = normalised.lastIndexOf('/documents/');
  if (at < 0) return null;
  const rel = normalised.slice(at + '/documents/'.length);
  if (rel === '') return null;
  const encoded = rel.split('/').map(encodeURIComponent).join('/');
  return new URL(`documents/${encoded}`, window.location.href).toString();
}
