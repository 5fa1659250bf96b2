import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_HEADER } from '../../../src-main/security/csp';
import {
  applyGuards,
  type GuardableContents,
  type HeadersDetails,
  type HeadersResponse,
  type PreventableEvent,
  type WindowOpenDecision,
} from '../../../src-main/electron/guards';

const APP_PAGE = 'file:///C:/Program%20Files/Sportello/resources/app.asar/dist/renderer/index.html';

type NavListener = (event: PreventableEvent & { url: string }, url: string) => void;

/** A stand-in for Electron's WebContents + Session that records what the guards install. */
function fakeContents() {
  const listeners = new Map<string, NavListener[]>();
  let windowOpen: ((details: { url: string }) => WindowOpenDecision) | undefined;
  let permissionRequest: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  let permissionCheck: ((wc: unknown, permission: string) => boolean) | undefined;
  let headers: ((details: HeadersDetails, callback: (response: HeadersResponse) => void) => void) | undefined;
  const contents: GuardableContents = {
    setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenDecision) {
      windowOpen = handler;
    },
    on(event: string, listener: NavListener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    session: {
      setPermissionRequestHandler(h: typeof permissionRequest) {
        permissionRequest = h;
      },
      setPermissionCheckHandler(h: typeof permissionCheck) {
        permissionCheck = h;
      },
      webRequest: {
        onHeadersReceived(h: typeof headers) {
          headers = h;
        },
      },
    },
  };

  /** Emits an event the way Electron would and tells whether a listener prevented it. */
  function emit(event: string, url = ''): boolean {
    const preventDefault = vi.fn();
    // will-navigate passes (event, url); will-frame-navigate passes one details object with the url.
    const details = { preventDefault, url };
    for (const listener of listeners.get(event) ?? []) listener(details, url);
    return preventDefault.mock.calls.length > 0;
  }
  return {
    contents,
    emit,
    windowOpen: (url: string) => windowOpen?.({ url }),
    permissionRequest: (permission: string) =>
      new Promise<boolean>((resolve) => permissionRequest?.({}, permission, resolve)),
    permissionCheck: (permission: string) => permissionCheck?.({}, permission),
    headers: (details: HeadersDetails) => new Promise<HeadersResponse>((resolve) => headers?.(details, resolve)),
  };
}

describe('navigation guards', () => {
  it('prevents navigation to another origin', () => {
    const fake = fakeContents();
    applyGuards(fake.contents, APP_PAGE);
    expect(fake.emit('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(fake.emit('will-navigate', 'http://127.0.0.1:8080/')).toBe(true);
    expect(fake.emit('will-navigate', 'file:///C:/Windows/System32/')).toBe(true);
    expect(fake.emit('will-navigate', 'file://server/share/dist/renderer/index.html')).toBe(true);
    expect(fake.emit('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(fake.emit('will-navigate', 'not a url')).toBe(true);
  });

  it('prevents escaping the app folder with encoded or dotted paths', () => {
    const fake = fakeContents();
    applyGuards(fake.contents, APP_PAGE);
    expect(
      fake.emit('will-navigate', 'file:///C:/Program%20Files/Sportello/resources/app.asar/dist/renderer/../../x.html'),
    ).toBe(true);
    expect(
      fake.emit('will-navigate', 'file:///C:/Program%20Files/Sportello/resources/app.asar/dist/renderer/..%2F..%2Fx'),
    ).toBe(true);
  });

  it('allows the app page itself (reload, hash routes)', () => {
    const fake = fakeContents();
    applyGuards(fake.contents, APP_PAGE);
    expect(fake.emit('will-navigate', APP_PAGE)).toBe(false);
    expect(fake.emit('will-navigate', `${APP_PAGE}#/ricarica`)).toBe(false);
  });

  it('allows the same origin of an http app page and refuses other ports', () => {
    const fake = fakeContents();
    applyGuards(fake.contents, 'http://127.0.0.1:5173/index.html');
    expect(fake.emit('will-navigate', 'http://127.0.0.1:5173/other')).toBe(false);
    expect(fake.emit('will-navigate', 'http://127.0.0.1:5174/')).toBe(true);
  });

  it('prevents any frame from navigating away from the app', () => {
    const fake = fakeContents();
    applyGuards(fake.contents, APP_PAGE);
    expect(fake.emit('will-frame-navigate', 'https://evil.example/frame')).toBe(true);
    expect(fake.emit('will-frame-navigate', 'file:///C:/Windows/System32/')).toBe(true);
    expect(fake.emit('will-frame-navigate', `${APP_PAGE}#/ricarica`)).toBe(false);
  });

  it('prevents redirects away from the app', () => {
    const fake = fakeContents();
    applyGuards(fake.contents, APP_PAGE);
    expect(fake.emit('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fake.emit('will-redirect', APP_PAGE)).toBe(false);
  });

  it('denies webview attachment', () => {
    const fake = fakeContents();
    applyGuards(fake.contents, APP_PAGE);
    expect(fake.emit('will-attach-webview')).toBe(true);
  });

  it('denies every new window, even to the app page, and reports it', () => {
    const fake = fakeContents();
    const report = vi.fn();
    applyGuards(fake.contents, APP_PAGE, report);
    expect(fake.windowOpen('https://www.comune.carrara.ms.it/')).toEqual({ action: 'deny' });
    expect(fake.windowOpen(APP_PAGE)).toEqual({ action: 'deny' });
    expect(report).toHaveBeenCalledWith('window.open denied', 'https://www.comune.carrara.ms.it/');
  });
});

describe('saved documents', () => {
  const DOCS = 'file:///C:/Program%20Files/Sportello/resources/app.asar/dist/renderer/documents/';

  it('hands a link to a saved PDF to the opener, still opening no window', () => {
    const fake = fakeContents();
    const opened: string[] = [];
    applyGuards(
      fake.contents,
      APP_PAGE,
      () => {},
      (p) => opened.push(p),
    );
    expect(fake.windowOpen(`${DOCS}avvisi/301000000001234519.pdf`)).toEqual({ action: 'deny' });
    expect(fake.windowOpen(`${DOCS}iscrizioni/0193a1b2.pdf`)).toEqual({ action: 'deny' });
    expect(opened).toEqual(['/documents/avvisi/301000000001234519.pdf', '/documents/iscrizioni/0193a1b2.pdf']);
  });

  it('gives the opener nothing outside the app folder or outside documents/', () => {
    const fake = fakeContents();
    const opened: string[] = [];
    const report = vi.fn();
    applyGuards(fake.contents, APP_PAGE, report, (p) => opened.push(p));
    fake.windowOpen('https://evil.example/documents/x.pdf');
    fake.windowOpen('file:///C:/Users/Public/documents/x.pdf');
    fake.windowOpen(`${DOCS}../index.html`);
    fake.windowOpen(`${DOCS}`);
    fake.windowOpen(APP_PAGE);
    expect(opened).toEqual([]);
    expect(report).toHaveBeenCalledWith('window.open denied', 'https://evil.example/documents/x.pdf');
  });

  it('without an opener a document link is denied like any other window', () => {
    const fake = fakeContents();
    const report = vi.fn();
    applyGuards(fake.contents, APP_PAGE, report);
    expect(fake.windowOpen(`${DOCS}avvisi/x.pdf`)).toEqual({ action: 'deny' });
    expect(report).toHaveBeenCalledWith('window.open denied', `${DOCS}avvisi/x.pdf`);
  });
});

describe('permission guards', () => {
  it('denies every permission request and check', async () => {
    const fake = fakeContents();
    applyGuards(fake.contents, APP_PAGE);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'usb']) {
      await expect(fake.permissionRequest(permission)).resolves.toBe(false);
      expect(fake.permissionCheck(permission)).toBe(false);
    }
  });
});

describe('content security policy', () => {
  it('adds the app CSP to a response without one, keeping the other headers', async () => {
    const fake = fakeContents();
    applyGuards(fake.contents, APP_PAGE);
    const response = await fake.headers({ url: APP_PAGE, responseHeaders: { 'Content-Type': ['text/html'] } });
    expect(response.responseHeaders?.[CSP_HEADER]).toEqual([CONTENT_SECURITY_POLICY]);
    expect(response.responseHeaders?.['Content-Type']).toEqual(['text/html']);
  });

  it('adds the app CSP to a response that has no headers at all (file://)', async () => {
    const fake = fakeContents();
    applyGuards(fake.contents, APP_PAGE);
    const response = await fake.headers({ url: APP_PAGE });
    expect(response.responseHeaders?.[CSP_HEADER]).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('keeps the app CSP present when the response carried its own, more lenient one', async () => {
    const fake = fakeContents();
    applyGuards(fake.contents, APP_PAGE);
    const lenient = "default-src * 'unsafe-inline' 'unsafe-eval'";
    const response = await fake.headers({ url: 'https://x/', responseHeaders: { [CSP_HEADER]: [lenient] } });
    // Both are enforced by the browser, so the result is at least as strict as ours.
    expect(response.responseHeaders?.[CSP_HEADER]).toEqual([lenient, CONTENT_SECURITY_POLICY]);
  });

  it('is the strict policy the design asks for', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
        "form-action 'none'",
    );
  });
});
