import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests drive the real renderer in Chromium through the browser host
 * (`sportello serve`). Build first: `npm run build` (the host serves dist/renderer).
 */
const chromiumPath =
  process.env['SPORTELLO_CHROMIUM'] ?? (process.platform === 'linux' ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'test/e2e',
  // Each test seeds its own database and starts its own host: one at a time on two cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  // Generous: seeding takes seconds, and the counter PCs (and CI) are slow two-core machines.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1366, height: 768 },
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
    launchOptions: {
      // Debian's Chromium here (Playwright cannot download browsers on these machines); elsewhere
      // SPORTELLO_CHROMIUM, or Playwright's own browser (the Windows build installs it).
      ...(chromiumPath !== undefined ? { executablePath: chromiumPath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
