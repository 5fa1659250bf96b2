import { CONTENT_SECURITY_POLICY, CSP_HEADER } from '../security/csp';
import { documentRequestPath, isAppUrl } from './appUrl';

/**
 * The security guards of the Sportello window, written against the few members of Electron's
 * WebContents and Session they use, so that they can be exercised with stand-ins in unit tests
 * (this file does not import Electron; Electron's real objects satisfy these interfaces).
 *
 * Why each guard: the renderer shows data of children and handles money, so even if a page were
 * compromised it must not reach another site, open windows, embed webviews, use the camera,
 * microphone, geolocation, notifications..., or load scripts from anywhere but the app.
 */

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WindowOpenDecision {
  action: 'deny';
}

export interface HeadersDetails {
  url: string;
  responseHeaders?: Record<string, string[]>;
}

export interface HeadersResponse {
  responseHeaders?: Record<string, string[] | string>;
}

export interface GuardableSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  webRequest: {
    onHeadersReceived(listener: (details: HeadersDetails, callback: (response: HeadersResponse) => void) => void): void;
  };
}

export interface GuardableContents {
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenDecision): void;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): this;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): this;
  on(event: 'will-frame-navigate', listener: (details: PreventableEvent & { url: string }) => void): this;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): this;
  session: GuardableSession;
}

/** Something to tell about refusals (the Electron main passes its logger); optional. */
export type GuardReport = (what: string, url?: string) => void;

/**
 * Opens a saved document (`/documents/<path>`, not yet checked) outside the app window; the host
 * decides whether this operator may and whether the file is really one of ours.
 */
export type DocumentOpener = (requestPath: string) => void;

export function applyGuards(
  contents: GuardableContents,
  appPageUrl: string,
  report: GuardReport = () => {},
  openDocument?: DocumentOpener,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appPageUrl)) {
      event.preventDefault();
      report('navigation denied', url);
    }
  });
  // Any frame, the main one included: a frame the page did not mean to have must not load elsewhere.
  contents.on('will-frame-navigate', (details) => {
    if (!isAppUrl(details.url, appPageUrl)) {
      details.preventDefault();
      report('frame navigation denied', details.url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appPageUrl)) {
      event.preventDefault();
      report('redirect denied', url);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    report('webview denied');
  });
  // No new windows, and deliberately no shell.openExternal either: a link must not become a way
  // to start another program on a counter PC. The one exception is a PDF the core saved (a pagoPA
  // notice, an enrolment summary), handed to the opener, which checks it before showing it.
  contents.setWindowOpenHandler(({ url }) => {
    const document = openDocument ? documentRequestPath(url, appPageUrl) : null;
    if (document !== null && openDocument) {
      report('document requested', url);
      openDocument(document);
    } else {
      report('window.open denied', url);
    }
    return { action: 'deny' };
  });
  applySessionGuards(contents.session, report);
}

export function applySessionGuards(session: GuardableSession, report: GuardReport = () => {}): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    report(`permission request denied: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withAppCsp(details.responseHeaders) });
  });
}

/**
 * Adds the app's CSP to a response's headers. A CSP the response already carries is kept: the
 * browser enforces every policy present, so ours can only make the result stricter, never looser.
 */
export function withAppCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = { ...(headers ?? {}) };
  const existing = result[CSP_HEADER] ?? [];
  result[CSP_HEADER] = [...existing, CONTENT_SECURITY_POLICY];
  return result;
}
