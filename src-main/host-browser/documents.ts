import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { SessionInfo } from '../../shared/contract';
import { isMinimised } from '../../shared/roles';
import type { Core } from '../core/types';

/**
 * GET /documents/<relative path>: the PDFs the core saved under `<dataDir>/documents/` (pagoPA
 * notices), opened from a link in the renderer. Only .pdf files, only inside that folder (symbolic
 * links resolved before the check), only for a logged-in front-office session: a notice carries
 * the debtor's codice fiscale, which a pharmacy must not see.
 */

const PREFIX = '/documents/';

interface DocumentRequest {
  /** Null when the host was started without a documents folder: nothing is served. */
  documentsDir: string | null;
  core: Core;
  sessionId: string | undefined;
}

export async function serveDocument(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  ctx: DocumentRequest,
): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'Metodo non consentito.');
  }
  const session = ctx.sessionId ? await currentSession(ctx.core, ctx.sessionId) : null;
  if (session === null) return sendText(res, 401, 'Accesso negato: accedere a Sportello con il proprio PIN.');
  if (isMinimised(session.operator.role, session.counter.kind)) {
    return sendText(res, 403, 'In farmacia i documenti A4 non sono consultabili.');
  }
  const file = ctx.documentsDir === null ? null : resolveInside(ctx.documentsDir, url.pathname);
  if (file === null) return sendText(res, 404, 'Documento non trovato.');
  const data = await fs.promises.readFile(file);
  // The PDF viewer is a plugin: the pages' CSP (object-src 'none') would leave it blank.
  res.removeHeader('Content-Security-Policy');
  res.writeHead(200, {
    'Content-Type': 'application/pdf',
    'Content-Length': data.length,
    'Content-Disposition': `inline; filename="${path.basename(file)}"`,
  });
  res.end(req.method === 'HEAD' ? undefined : data);
}

async function currentSession(core: Core, sessionId: string): Promise<SessionInfo | null> {
  const reply = await core.invoke(sessionId, 'session.current', {});
  if (!reply.ok || reply.value === null) return null;
  const parsed = SessionInfo.safeParse(reply.value);
  return parsed.success ? parsed.data : null;
}

/**
 * The absolute path of an existing .pdf file inside `root`, or null. Both sides are resolved to
 * their real paths, so neither "..", encoded separators nor a symbolic link can lead outside.
 */
export function resolveInside(root: string, pathname: string): string | null {
  if (!pathname.startsWith(PREFIX)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(PREFIX.length));
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

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
