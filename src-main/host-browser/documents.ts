import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { Core } from '../core/types';
import { documentAccess } from '../documents/access';
import { resolveInside } from '../documents/resolve';

/**
 * GET /documents/<relative path>: the PDFs the core saved under `<dataDir>/documents/` (pagoPA
 * notices), opened from a link in the renderer. Only .pdf files, only inside that folder (symbolic
 * links resolved before the check), only for a logged-in front-office session: a notice carries
 * the debtor's codice fiscale, which a pharmacy must not see.
 */

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
  const access = await documentAccess(ctx.core, ctx.sessionId);
  if (access === 'no-session') return sendText(res, 401, 'Accesso negato: accedere a Sportello con il proprio PIN.');
  if (access === 'pharmacy') return sendText(res, 403, 'In farmacia i documenti A4 non sono consultabili.');
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

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
