import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { databaseReader, enrolmentCode, expect, startCentral, startServe, stop, test } from '../e2e/fixtures';

/**
 * Takes the screenshots of the main screens at 1366x768 into docs/screens/<name>-<tag>.png, driven by
 * keyboard as an operator would: a front office activated against the central emulator, a notice
 * issued, a top-up, its receipt reprinted, the day summary, a registration form, and the central
 * switched off for the offline status bar.
 */

const OUT = path.resolve(__dirname, '..', '..', 'docs', 'screens');
const TAG = process.env['SCREENS_TAG'] ?? 'after';

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  // Animations (dialog fade, ripple) settle first.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(OUT, `${name}-${TAG}.png`) });
}

/** Back to the search field, whatever is open. */
async function home(page: Page): Promise<void> {
  const search = page.getByRole('combobox', { name: /^Cerca/ });
  for (let i = 0; i < 5 && !(await search.isVisible().catch(() => false)); i++) {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
  }
  await expect(search).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('schermate principali a 1366x768', async ({ page }) => {
  const centralDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
  const central = await startCentral(centralDir, { demo: true, tillOptional: true });
  const counter = await startServe(dataDir, 'SE1', ['--central', central.url]);
  const db = databaseReader(dataDir);
  try {
    await page.goto(counter.url);
    await expect(page.getByLabel('Codice di attivazione')).toBeFocused();
    await page.keyboard.type(enrolmentCode(centralDir, 'SE1'));
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Codice operatore')).toBeFocused({ timeout: 120_000 });
    await page.keyboard.type('supervisore');
    await page.keyboard.press('Tab');
    await page.keyboard.type('carrara-1357');
    await page.keyboard.press('Enter');
    const search = page.getByRole('combobox', { name: /^Cerca/ });
    await expect(search).toBeFocused();
    await expect
      .poll(
        async () => {
          await page.keyboard.press('Control+Shift+S');
          return db.query<{ n: number }>('SELECT COUNT(*) AS n FROM notice_blocks WHERE next_base <= last_base')[0]?.n;
        },
        { timeout: 60_000, intervals: [2_000] },
      )
      .toBeGreaterThan(0);

    const [common] = db.query<{ surname: string }>(
      `SELECT c.surname FROM children c JOIN accounts a ON a.child_id = c.id
        GROUP BY c.surname ORDER BY COUNT(*) DESC LIMIT 1`,
    );
    await page.keyboard.type(common!.surname);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('listbox', { name: 'Risultati della ricerca' })).toBeVisible();
    await shot(page, 'search-results');

    const [child] = db.query<{ papay_code: string; fiscal_code: string }>(
      `SELECT a.papay_code, c.fiscal_code FROM accounts a JOIN children c ON c.id = a.child_id
        WHERE a.service = 'refezione' AND c.fiscal_code IS NOT NULL ORDER BY a.papay_code LIMIT 1`,
    );
    await page.keyboard.type(child!.papay_code);
    await page.keyboard.press('Enter');
    const account = page.getByRole('region', { name: 'Conto aperto' });
    await expect(account).toBeVisible();

    await page.keyboard.press('F6');
    const notice = page.getByRole('dialog', { name: /^Avviso pagoPA/ });
    await expect(notice.getByLabel('Importo in euro')).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('45,50');
    await page.keyboard.press('Enter');
    await expect(notice.getByText('Avviso emesso.')).toBeVisible();
    await shot(page, 'notice-issued');
    await page.keyboard.press('Enter');
    await expect(notice).toBeHidden();

    await page.keyboard.press('F2');
    const topup = page.getByRole('dialog', { name: /^Ricarica/ });
    await expect(topup.getByLabel('Importo in euro')).toBeFocused();
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await expect(topup.getByText('Ricarica registrata.')).toBeVisible();
    await shot(page, 'topup-receipt');
    await page.keyboard.press('Enter');
    await expect(topup).toBeHidden();
    await shot(page, 'account');

    await page.keyboard.press('F8');
    await expect(page.getByRole('table', { name: /^Elenco ricevute/ })).toBeFocused();
    await shot(page, 'receipts');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: /^Ristampa ricevuta/ })).toBeVisible();
    await shot(page, 'reprint');
    await home(page);

    await page.keyboard.press('F9');
    await expect(page.getByRole('table', { name: 'Incassi per metodo e servizio' })).toBeVisible();
    await shot(page, 'day');
    await home(page);

    await page.keyboard.press('F3');
    await expect(page.getByLabel(/^Cerca avviso/)).toBeFocused();
    await page.keyboard.type(child!.fiscal_code);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('table', { name: /^Avvisi trovati/ })).toBeVisible();
    await shot(page, 'notices');
    await home(page);

    await page.keyboard.press('F5');
    await expect(page.getByRole('form', { name: 'Nuova iscrizione' })).toBeVisible();
    await shot(page, 'registration');
    await home(page);

    if (TAG !== 'before') {
      await page.keyboard.press('F1');
      await expect(page.getByRole('dialog', { name: /^Tasti/ })).toBeVisible();
      await shot(page, 'help');
      await home(page);
    }

    // The central switched off: the status bar says so, and the counter keeps working.
    await stop(central.child);
    await page.keyboard.press('Control+Shift+S');
    await expect(page.getByTestId('sync-online')).toHaveText(/Non in linea/, { timeout: 30_000 });
    await page.setViewportSize({ width: 1024, height: 768 });
    await shot(page, 'offline-1024');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'offline');
  } finally {
    db.close();
    await page.goto('about:blank');
    await stop(counter.child);
    await stop(central.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(centralDir, { recursive: true, force: true });
  }
});
