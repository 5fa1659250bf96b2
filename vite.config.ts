import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './src-main/security/csp';

/**
 * The built page carries its own CSP too (Electron loads it from a file, with no server to send a
 * header). Only on build: the dev server injects an inline script for fast refresh.
 * Emotion (MUI) writes <style> elements, hence 'unsafe-inline' for styles and for nothing else.
 */
// The same policy both hosts send as a header, less frame-ancestors (ignored, and warned about, in a meta tag).
const CSP = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'sportello-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
      ],
    },
  };
}

const repoRoot = path.resolve(import.meta.dirname);

export default defineConfig({
  root: path.join(repoRoot, 'src-renderer'),
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: path.join(repoRoot, 'dist/renderer'),
    emptyOutDir: true,
    // Old counter PCs run whatever Chromium Electron ships; no need to transpile further down.
    target: 'chrome120',
    sourcemap: true,
    // Loaded from the local disk or loopback, never over a network: one chunk is simpler and fast enough.
    chunkSizeWarningLimit: 1500,
  },
  server: { fs: { allow: [repoRoot] } },
});
