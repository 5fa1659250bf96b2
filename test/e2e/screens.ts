import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Screenshots for the README: written only when SCREENS_DIR names a folder
 * (`SCREENS_DIR=docs/screens npx playwright test test/e2e/counter-screen.spec.ts`).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}
