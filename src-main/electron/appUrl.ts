/**
 * Decides whether a URL belongs to the app itself. Kept free of Electron so the navigation guards
 * and the IPC sender check can be tested with plain strings.
 *
 * The app page is a file:// URL (dist/renderer/index.html). A file URL has the opaque origin
 * "null", so origins cannot be compared: instead a file URL counts as the app's only when it lies
 * inside the folder of the app page. For an http(s) app URL (a development server) the origin
 * must match exactly.
 */
export function isAppUrl(candidate: string | undefined, appPageUrl: string): boolean {
  if (candidate === undefined || candidate === '') return false;
  let target: URL;
  let app: URL;
  try {
    target = new URL(candidate);
    app = new URL(appPageUrl);
  } catch {
    return false;
  }
  if (target.protocol !== app.protocol) return false;
  if (app.protocol === 'file:') {
    // A file URL with a host (file://server/share) would be a network path: never the app.
    if (target.host !== app.host) return false;
    const appFolder = app.pathname.slice(0, app.pathname.lastIndexOf('/') + 1);
    return !hasEncodedSeparator(target.pathname) && target.pathname.startsWith(appFolder);
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') {
    return target.origin === app.origin;
  }
  return false;
}

/**
 * URL parsing already resolves "..", but encoded separators (%2F, %5C) would survive and could be
 * read as a way out of the folder by the file system: such paths are refused.
 */
function hasEncodedSeparator(pathname: string): boolean {
  return /%2f|%5c/i.test(pathname);
}

/**
 * A link to a saved document, as the renderer writes it (`documents/<path>` next to the app page),
 * turned into the `/documents/<path>` form every host resolves under `<dataDir>/documents`; null
 * for any other URL. The file itself is checked by resolveInside (src-main/documents/resolve.ts).
 */
export function documentRequestPath(candidate: string, appPageUrl: string): string | null {
  if (!isAppUrl(candidate, appPageUrl)) return null;
  const target = new URL(candidate);
  const app = new URL(appPageUrl);
  const appFolder = app.pathname.slice(0, app.pathname.lastIndexOf('/') + 1);
  const rest = target.pathname.slice(appFolder.length);
  return rest.startsWith('documents/') && rest.length > 'documents/'.length ? `/${rest}` : null;
}
