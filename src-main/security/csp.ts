/**
 * The Content-Security-Policy of every page Sportello shows, in Electron and in the browser host.
 * It lives outside src-main/electron so that the browser host can send the very same header without
 * loading Electron. Scripts only from the app itself (no inline, no eval), no plugins, no framing,
 * no forms posting anywhere, no network but the app's own origin. Inline styles are allowed because
 * MUI/emotion injects <style> elements at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** The header name as HTTP and Electron's webRequest spell it. */
export const CSP_HEADER = 'Content-Security-Policy';
