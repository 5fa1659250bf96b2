import fs from 'node:fs';
import path from 'node:path';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { login } from './steps';

const PAID = `kind IN ('topup_cash', 'topup_card', 'topup_pagopa', 'void')`;

test("sportello: il lotto delle attestazioni dell'anno, con la barra, fermato e ripreso da tastiera", async ({
  page,
  app,
}) => {
  // The year of the demo's payments, and how many accounts were paid for in it.
  const [paid] = app.query<{ year: string; accounts: number }>(
    `SELECT substr(business_date, 1, 4) AS year, COUNT(DISTINCT account_id) AS accounts FROM ledger
      WHERE ${PAID} GROUP BY year ORDER BY accounts DESC LIMIT 1`,
  );
  expect(paid!.accounts).toBeGreaterThan(200);
  const { year, accounts: total } = paid!;
  await login(page, app.url, 'sportello1', '2468');

  await page.keyboard.press('Control+Shift+A');
  const view = page.getByRole('region', { name: "Attestazioni per il 730: lotto dell'anno" });
  const field = view.getByRole('textbox', { name: "Anno d'imposta" });
  await expect(field).toBeFocused();
  await expect(page.getByRole('list', { name: 'Tasti rapidi' })).toContainText('avvia o riprendi il lotto');
  await expectAccessible(page, 'il lotto delle attestazioni');
  await field.fill(year);
  await page.keyboard.press('Enter');

  // The bar follows the core's progress; Alt+S stops after the document under way.
  const progress = view.getByTestId('batch-progress');
  await expect(progress).toContainText(/^[1-9][\d.]* di /);
  await expect(page.getByRole('list', { name: 'Tasti rapidi' })).toContainText('ferma');
  await page.keyboard.press('Alt+s');
  const result = view.getByTestId('batch-result');
  await expect(result).toContainText(`Lotto del ${year} fermato`);
  const registered = () =>
    app.query<{ n: number }>(`SELECT COUNT(*) AS n FROM attestations WHERE batch_year = ?`, Number(year))[0]!.n;
  const numbered = registered();
  expect(numbered).toBeLessThan(total);
  const folder = path.join(app.dataDir, 'documents', 'attestazioni', `${year}-lotto`);
  expect(fs.existsSync(path.join(folder, 'indice.csv'))).toBe(false);
  const percent = Number((await view.getByTestId('batch-percent').textContent())?.replace('%', ''));
  expect(percent).toBeGreaterThan(0);
  expect(percent).toBeLessThan(100);

  // Invio continues from there: every account once, one protocol each, the index at the end.
  await expect(field).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(result).toContainText(`Lotto del ${year} completo`);
  await expect(result).toContainText(`su ${total.toLocaleString('it-IT')}`);
  await expect(result).toContainText('già scritte');
  await expect(view.getByTestId('batch-percent')).toHaveText('100%');
  await expect(progress).toHaveText(
    `${total.toLocaleString('it-IT')} di ${total.toLocaleString('it-IT')} attestazioni del ${year}`,
  );
  expect(registered()).toBe(total);
  expect(fs.readdirSync(folder).filter((f) => f.endsWith('.pdf'))).toHaveLength(total);
  const index = fs.readFileSync(path.join(folder, 'indice.csv'), 'utf8').trim().split('\r\n');
  expect(index).toHaveLength(total + 1);
  expect(new Set(index.slice(1).map((l) => l.split(';')[0])).size).toBe(total);
  await expectAccessible(page, 'il lotto delle attestazioni, completo');

  // Esc goes back to the search.
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
  await expect(page.getByRole('combobox', { name: /^Cerca/ })).toBeFocused();
});

test.describe('farmacia', () => {
  test.use({ counter: 'FAR-CAVATORE' });
  test('farmacia: il lotto delle attestazioni non si apre', async ({ page, app }) => {
    await login(page, app.url, 'cavatore', '1234');
    await page.keyboard.press('Control+Shift+A');
    await expect(
      page.getByRole('status').filter({ hasText: "L'attestazione per la dichiarazione dei redditi" }),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: /lotto dell'anno/ })).toHaveCount(0);
  });
});
