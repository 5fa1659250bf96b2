import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { CLI, expect, startServe, stop, test } from './fixtures';
import { login, topUpInCash } from './steps';
import { openCounterFile } from '../support/counter-file';

/**
 * Issue 15 item 6, the rest: axe-core (WCAG 2.1 AA, no serious or critical violation) on the
 * dialogs and screens accessibility.spec.ts does not reach: the notice dialogs, each step of the
 * registration and its question, the help overlay, the unprinted receipts, the activation screen.
 */

/** Test-only: a block of codice avviso bases, as the central assigns at the first sync, so notices issue offline. */
function giveNoticeBlock(dataDir: string): void {
  const db = openCounterFile(dataDir, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(
      `INSERT INTO notice_blocks (request_id, requested_at, segregation_code, first_base, last_base, next_base, received_at)
       VALUES ('0190b6e4-0000-7000-8000-0000000000ab', '2026-11-30T08:00:00.000Z', '01', 100, 199, 100,
               '2026-11-30T08:00:01.000Z')`,
    ).run();
  } finally {
    db.close();
  }
}

async function openHelp(page: Page, where: string): Promise<void> {
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Tasti di questa schermata' });
  await expect(help).toBeVisible();
  await expectAccessible(page, `tasti (${where})`);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
}

test("sportello: finestre degli avvisi, passi dell'iscrizione e tasti senza violazioni gravi", async ({
  page,
  app,
}) => {
  giveNoticeBlock(app.dataDir);
  const [child] = app.query<{ papay_code: string }>(
    `SELECT a.papay_code FROM accounts a JOIN children c ON c.id = a.child_id
      WHERE a.service = 'refezione' AND c.family_id IS NOT NULL ORDER BY a.papay_code LIMIT 1`,
  );
  const search = await login(page, app.url, 'sportello1', '2468');
  await openHelp(page, 'ricerca');
  await page.keyboard.type(child!.papay_code);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Conto aperto' })).toBeVisible();
  await openHelp(page, 'conto');

  // F6: the form, then the issued notice.
  await page.keyboard.press('F6');
  const issue = page.getByRole('dialog', { name: /^Avviso pagoPA/ });
  await expect(issue.getByLabel('Importo in euro')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('12');
  await expectAccessible(page, 'avviso pagoPA (modulo)');
  await page.keyboard.press('Enter');
  await expect(issue.getByText('Avviso emesso.')).toBeVisible();
  await expectAccessible(page, 'avviso emesso');
  await page.keyboard.press('Enter');
  await expect(issue).toBeHidden();

  // F3: the list, the detail, the reprint, the slip, the cancellation.
  await page.keyboard.press('F3');
  await page.keyboard.type(child!.papay_code);
  await page.keyboard.press('Enter');
  const table = page.getByRole('table', { name: /^Avvisi trovati/ });
  await expect(table).toBeFocused();
  await expectAccessible(page, 'avvisi trovati');
  await openHelp(page, 'avvisi');
  await page.keyboard.press('Enter');
  const detail = page.getByRole('dialog', { name: 'Avviso di pagamento' });
  await expect(detail).toBeVisible();
  await expectAccessible(page, 'dettaglio avviso');
  await page.keyboard.press('Escape');
  await expect(table).toBeFocused();
  await page.keyboard.press('Control+p');
  const reprinted = page.getByRole('dialog', { name: 'Ristampa avviso' });
  await expect(reprinted).toBeVisible();
  await expectAccessible(page, 'ristampa avviso');
  await page.keyboard.press('Enter');
  await expect(table).toBeFocused();
  await page.keyboard.press('Control+s');
  const thermal = page.getByRole('dialog', { name: 'Avviso sulla stampante ricevute' });
  await expect(thermal.getByRole('document')).toBeVisible();
  await expectAccessible(page, 'avviso sulla stampante ricevute');
  await page.keyboard.press('Enter');
  await expect(table).toBeFocused();
  await page.keyboard.press('F4');
  const cancel = page.getByRole('dialog', { name: 'Annulla avviso' });
  await expect(cancel.getByLabel("Motivo dell'annullamento")).toBeFocused();
  await expectAccessible(page, 'annulla avviso');
  await page.keyboard.press('Escape');
  await expect(cancel).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(search).toBeFocused();

  // F5: every step of the form, its keys, and the question on leaving.
  await page.keyboard.press('F5');
  const steps = page.getByRole('list', { name: "Passi dell'iscrizione" });
  for (const step of ['Adulto di riferimento', 'Consenso', 'Figlio 1', 'Riepilogo']) {
    await expect(steps.locator('[aria-current="step"]')).toContainText(step);
    await expectAccessible(page, `iscrizione: ${step}`);
    await page.keyboard.press('PageDown');
  }
  await openHelp(page, 'iscrizione');
  await page.keyboard.press('PageUp');
  await page.keyboard.type('ROSSI');
  await page.keyboard.press('Escape');
  const leave = page.getByRole('dialog', { name: 'Uscire senza registrare?' });
  await expect(leave).toBeVisible();
  await expectAccessible(page, 'uscire senza registrare');
  await page.keyboard.press('Control+Enter');
  await expect(search).toBeFocused();
});

test.describe('stampante guasta', () => {
  test.use({ brokenPrinter: true });

  test('sportello: le ricevute non stampate senza violazioni gravi', async ({ page, app }) => {
    const [child] = app.query<{ papay_code: string }>(`SELECT papay_code FROM accounts ORDER BY papay_code LIMIT 1`);
    await login(page, app.url, 'sportello1', '2468');
    await page.keyboard.type(child!.papay_code);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Conto aperto' })).toBeVisible();
    await topUpInCash(page, '5');
    await page.keyboard.press('Control+Shift+L');
    // Next login: the receipt that never came out is offered first.
    await expect(page.getByLabel('Codice operatore')).toBeFocused();
    await page.keyboard.type('sportello1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2468');
    await page.keyboard.press('Enter');
    const pending = page.getByRole('dialog', { name: 'Ricevute non stampate' });
    await expect(pending).toBeVisible();
    await expectAccessible(page, 'ricevute non stampate');
  });
});

test.describe('farmacia', () => {
  test.use({ counter: 'FAR-CAVATORE' });

  test('farmacia: tasti, storno e ristampa senza violazioni gravi', async ({ page, app }) => {
    const [child] = app.query<{ papay_code: string }>(`SELECT papay_code FROM accounts ORDER BY papay_code LIMIT 1`);
    const search = await login(page, app.url, 'cavatore', '1234');
    await openHelp(page, 'ricerca (farmacia)');
    await page.keyboard.type(child!.papay_code);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Conto aperto' })).toBeVisible();
    await topUpInCash(page, '20');
    await page.keyboard.press('F4');
    const voidDialog = page.getByRole('dialog', { name: /^Storno/ });
    await expect(voidDialog).toBeVisible();
    await expectAccessible(page, 'storno (farmacia)');
    await page.keyboard.press('Escape');
    await expect(voidDialog).toBeHidden();
    await page.keyboard.press('F8');
    await expect(page.getByRole('table', { name: /^Elenco ricevute/ })).toBeFocused();
    await page.keyboard.press('Enter');
    const reprint = page.getByRole('dialog', { name: /^Ristampa ricevuta/ });
    await expect(reprint).toBeVisible();
    await expectAccessible(page, 'ristampa (farmacia)');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(search).toBeFocused();
  });
});

test('primo avvio: la schermata di attivazione senza violazioni gravi', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
  execFileSync(process.execPath, [CLI, 'seed', '--demo', '--data', dataDir], { stdio: 'pipe' });
  // A central nobody answers at: the counter waits to be activated.
  const { child, url } = await startServe(dataDir, 'SE1', ['--central', 'http://127.0.0.1:9']);
  try {
    await page.goto(url);
    const form = page.getByRole('form', { name: 'Attiva questo sportello' });
    await expect(form.getByLabel('Codice di attivazione')).toBeFocused();
    await expectAccessible(page, 'attivazione');
    await page.keyboard.type('CODICE-SBAGLIATO');
    await page.keyboard.press('Enter');
    await expect(form.getByRole('alert')).toBeVisible({ timeout: 30_000 });
    await expectAccessible(page, 'attivazione rifiutata');
  } finally {
    await page.goto('about:blank');
    await stop(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
