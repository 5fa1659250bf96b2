import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    alias: {
      // Its ESM build imports 'dayjs/plugin/utc' without an extension, which Node's ESM loader refuses;
      // the CommonJS build (what the app itself loads) works.
      '@marketto/codice-fiscale-utils': require.resolve('@marketto/codice-fiscale-utils'),
    },
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
  },
});
