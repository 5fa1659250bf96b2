import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/**
 * The screenshots of docs/screens (README): `npx playwright test -c test/screens` after `npm run build`.
 * SCREENS_TAG names the set ("after" by default; "before" was taken on the code before issue 15).
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.pw.ts',
  timeout: 300_000,
});
