import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { formatEuro } from '../../shared/money';
import { databaseReader, demoReference, enrolmentCode, expect, startCentral, startServe, stop, test } from './fixtures';
import { login } from './steps';

/**
 * pagoPA notices end to end: the central emulator assigns this counter a block of codice avviso
 * bases (so the counter is activated and synced first, as in real life), the operator issues a
 * notice by keyboard, finds it again by codice fiscale, reprints it, and the PDF the host serves is
 * a real notice carrying the codice avviso in groups of four.
 */

const COUNTER = 'SE1';

interface Station {
  url: string;
  dataDir: string;
  /** The emulator's data folder: one-time enrolment codes are made from it. */
  centralDir: string;
  query<T>(sql: string, ...params: unknown[]): T[];
  /** Sets the emulator's faults (a latency holds the counter's sends back); {} clears them. */
  faults(spec: { latency?: number }): Promise<void>;
}

const noticeTest = test.extend<{ station: Station }>({
  station: async ({ page }, use) => {
    const centralDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
    const central = await startCentral(centralDir, { demo: true, tillOptional: true });
    const counter = await startServe(dataDir, COUNTER, ['--central', central.url]);
    const db = databaseReader(dataDir);
    try {
      await use({
        url: counter.url,
        dataDir,
        centralDir,
        query: db.query,
        async faults(spec) {
          const response = await fetch(`${central.url}/admin/faults`, { method: 'POST', body: JSON.stringify(spec) });
          expect(response.status).toBe(200);
        },
      });
    } finally {
      db.close();
      // The page polls the host: it leaves first, so the stopped host is not a page error.
      await page.goto('about:blank');
      await stop(counter.child);
      await stop(central.child);
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(centralDir, { recursive: true, force: true });
    }
  },
});

/** First run of the counter: the one-time code on the login screen, then the first sync. */
async function activate(page: Page, station: Station): Promise<void> {
  await page.goto(station.url);
  const form = page.getByRole('form', { name: 'Attiva questo sportello' });
  await expect(form.getByLabel('Codice di attivazione')).toBeFocused();
  await page.keyboard.type(enrolmentCode(station.centralDir, COUNTER));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Sportello attivato e prima sincronizzazione completata')).toBeVisible({
    timeout: 90_000,
  });
  await expect(page.getByLabel('Codice operatore')).toBeFocused();
}

/** "dd/mm/yyyy" some days from now (Rome), for a due date the counter accepts. */
function italianDateIn(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('it-IT', {
    timeZone: 'Europe/Rome',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(at);
}

const NAV_GROUPS = /^3\d{3} \d{4} \d{4} \d{4} \d{2}$/;

noticeTest(
  'sportello: avviso pagoPA emesso da tastiera (F6), ritrovato per codice fiscale (F3), ristampato e servito come PDF',
  async ({ page, station }) => {
    await activate(page, station);
    const search = await loginAfterActivation(page);

    // The central assigns a block of bases at the sync: without one the counter cannot issue.
    await expect
      .poll(
        async () => {
          await page.keyboard.press('Control+Shift+S');
          return station.query<{ n: number }>(
            'SELECT COUNT(*) AS n FROM notice_blocks WHERE first_base IS NOT NULL AND next_base <= last_base',
          )[0]?.n;
        },
        { timeout: 60_000, intervals: [1_000, 2_000, 3_000] },
      )
      .toBeGreaterThan(0);
    await expect(search).toBeFocused();

    const [child] = station.query<{ papay_code: string; fiscal_code: string; name: string; surname: string }>(
      `SELECT a.papay_code, c.fiscal_code, c.name, c.surname
         FROM accounts a JOIN children c ON c.id = a.child_id
        WHERE a.service = 'refezione' AND c.fiscal_code IS NOT NULL
        ORDER BY a.papay_code LIMIT 1`,
    );
    expect(child).toBeDefined();
    await page.keyboard.type(child!.papay_code);
    await page.keyboard.press('Enter');
    const account = page.getByRole('region', { name: 'Conto aperto' });
    await expect(account.getByTestId('papay-code')).toHaveText(child!.papay_code);
    await expect(page.getByRole('list', { name: 'Tasti rapidi' })).toContainText('avviso pagoPA');

    // F6: amount, Tab, due date, Enter. The oggetto comes from the service.
    await page.keyboard.press('F6');
    const dialog = page.getByRole('dialog', { name: /^Avviso pagoPA/ });
    await expect(dialog.getByLabel('Importo in euro')).toBeFocused();
    await expect(dialog.getByLabel('Oggetto')).toHaveValue('Ricarica refezione scolastica');
    await page.keyboard.type('45,50');
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel('Scadenza')).toBeFocused();
    const due = italianDateIn(60);
    await page.keyboard.type(due);
    // A slow central: the notice stays unregistered while the test reads the dialog.
    await station.faults({ latency: 8_000 });
    await page.keyboard.press('Enter');

    await expect(dialog.getByText('Avviso emesso.')).toBeVisible();
    const navText = (await dialog.getByTestId('notice-nav').first().textContent()) ?? '';
    expect(navText).toMatch(NAV_GROUPS);
    const nav = navText.replace(/ /g, '');
    await expect(dialog.getByTestId('notice-amount')).toHaveText(formatEuro(4550));
    await expect(dialog.getByTestId('notice-due')).toHaveText(due);
    // Just issued: not yet registered centrally, and the operator is told plainly that a PSP refuses it.
    await expect(dialog.getByTestId('notice-state')).toHaveText('Emesso');
    await expect(dialog.getByTestId('notice-warning')).toContainText(/registrat/i);
    await expect(dialog.getByTestId('notice-pdf-path')).toContainText(`${nav}.pdf`);
    // The sync registers it centrally: the dialog, still open, says so and drops the warning.
    await station.faults({});
    await expect(async () => {
      await page.keyboard.press('Control+Shift+S');
      await expect(dialog.getByTestId('notice-state')).toHaveText('Registrato', { timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    await expect(dialog.getByTestId('notice-warning')).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(search).toBeFocused();
    // The open account now lists it, so nobody issues a second one by mistake.
    await expect(account.getByTestId('account-notice').first()).toContainText(navText);

    // F3: by the child's codice fiscale, then Ctrl+P reprints the PDF.
    await page.keyboard.press('F3');
    const field = page.getByLabel(/^Cerca avviso/);
    await expect(field).toBeFocused();
    await page.keyboard.type(child!.fiscal_code.toLowerCase());
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', { name: /^Avvisi trovati/ });
    await expect(table).toBeFocused();
    const row = table.getByTestId('notice-row').filter({ hasText: navText });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Ricarica refezione scolastica');
    await expect(row).toContainText(formatEuro(4550));
    // Move to the notice's row if other notices of the same child came first.
    const rows = await table.getByTestId('notice-row').allTextContents();
    const index = rows.findIndex((t) => t.includes(navText));
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await expect(row).toHaveAttribute('aria-selected', 'true');

    // Invio: the detail, Esc back to the list.
    await page.keyboard.press('Enter');
    const detail = page.getByRole('dialog', { name: 'Avviso di pagamento' });
    await expect(detail.getByTestId('notice-nav').first()).toHaveText(navText);
    await page.keyboard.press('Escape');
    await expect(detail).toBeHidden();
    await expect(table).toBeFocused();

    await page.keyboard.press('Control+p');
    const reprinted = page.getByRole('dialog', { name: 'Ristampa avviso' });
    const link = reprinted.getByTestId('notice-pdf-link');
    await expect(link).toBeVisible();
    const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(new URL(href).pathname).toBe(`/documents/avvisi/${nav}.pdf`);

    // The browser's own session (its cookie) fetches it; the host answers with the PDF.
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const pdf = await response.body();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain(navText);
    // Without the session cookie the same address is refused.
    const anonymous = await fetch(href);
    expect(anonymous.status).toBe(401);

    // Ctrl+P opens it in a new tab: a real navigation that the session cookie lets through.
    const popupOpened = page.waitForEvent('popup');
    const served = page
      .context()
      .waitForEvent('response', (r) => new URL(r.url()).pathname === `/documents/avvisi/${nav}.pdf`);
    await page.keyboard.press('Control+p');
    const popup = await popupOpened;
    const tabResponse = await served;
    expect(tabResponse.status()).toBe(200);
    expect(tabResponse.headers()['content-type']).toBe('application/pdf');
    await popup.close();
    await expect(link).toBeVisible();

    await page.keyboard.press('Enter');
    await expect(reprinted).toBeHidden();
    await expect(table).toBeFocused();

    // Ctrl+S: the same notice on the receipt printer (no printer here: saved to a file and shown).
    await page.keyboard.press('Control+s');
    const thermal = page.getByRole('dialog', { name: 'Avviso sulla stampante ricevute' });
    await expect(thermal.getByRole('document')).toContainText(navText);
    await page.keyboard.press('Enter');
    await expect(thermal).toBeHidden();

    // F4: cancel with a reason, confirmed by Ctrl+Invio; the core's answer is shown as it is.
    await page.keyboard.press('F4');
    const cancel = page.getByRole('dialog', { name: 'Annulla avviso' });
    await expect(cancel.getByLabel("Motivo dell'annullamento")).toBeFocused();
    await page.keyboard.type('Importo sbagliato');
    await page.keyboard.press('Control+Enter');
    await expect(cancel.getByTestId('notice-cancel-message')).not.toBeEmpty();
    await page.keyboard.press('Enter');
    await expect(cancel).toBeHidden();
    await expect(table).toBeFocused();

    // Esc goes back to the search screen, as the hint bar says.
    await page.keyboard.press('Escape');
    await expect(search).toBeFocused();

    // The account is still open: a second notice in two rate, split evenly a month apart.
    await page.keyboard.press('F6');
    await expect(dialog.getByLabel('Importo in euro')).toBeFocused();
    await page.keyboard.type('100,01');
    await page.keyboard.press('Tab');
    await page.keyboard.type(due);
    await page.keyboard.press('Tab');
    await page.keyboard.type('2');
    await expect(dialog.getByLabel('Rata 1: importo')).toHaveValue('50,01');
    await expect(dialog.getByLabel('Rata 2: importo')).toHaveValue('50,00');
    await expect(dialog.getByLabel('Rata 1: scadenza')).toHaveValue(due);
    await page.keyboard.press('Enter');
    await expect(dialog.getByText('Avviso emesso.')).toBeVisible();
    const rate = dialog.getByRole('table', { name: "Rate dell'avviso" });
    await expect(rate.locator('tbody tr')).toHaveCount(2);
    await expect(rate.locator('tbody tr').nth(0)).toContainText(formatEuro(5001));
    await expect(rate.locator('tbody tr').nth(1)).toContainText(formatEuro(5000));
    await expect(dialog.getByTestId('notice-amount')).toHaveText(formatEuro(10001));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(account.getByTestId('account-notice')).toHaveCount(2);
  },
);

test.describe('farmacia', () => {
  test.use({ counter: 'FAR-CAVATORE' });

  test('farmacia: F6 non emette avvisi, F3 non cerca per codice fiscale', async ({ page, app }) => {
    // As seeded: the pharmacy's own copy keeps no codice fiscale, the customer still says one.
    const reference = demoReference();
    const [child] = reference.query<{ papay_code: string; fiscal_code: string }>(
      `SELECT a.papay_code, c.fiscal_code FROM accounts a JOIN children c ON c.id = a.child_id
        WHERE c.fiscal_code IS NOT NULL ORDER BY a.papay_code LIMIT 1`,
    );
    reference.close();
    expect(child).toBeDefined();
    const search = await login(page, app.url, 'cavatore', '1234');
    await expect(page.getByRole('list', { name: 'Tasti rapidi' })).not.toContainText('avviso pagoPA');
    await page.keyboard.type(child!.papay_code);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Conto aperto' })).toBeVisible();
    await page.keyboard.press('F6');
    await expect(page.getByRole('status').filter({ hasText: 'Avvisi (F3)' })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(search).toBeFocused();

    await page.keyboard.press('F3');
    const field = page.getByLabel('Cerca avviso: codice avviso o codice Pa-Pay');
    await expect(field).toBeFocused();
    await page.keyboard.type(child!.fiscal_code);
    await page.keyboard.press('Enter');
    // The core refuses it, in Italian; the screen shows its words and keeps the field ready.
    const refusal = page.getByRole('alert');
    await expect(refusal).toContainText(/farmacia/i);
    await expect(field).toBeFocused();
    await expect(page.getByRole('table')).toHaveCount(0);
  });
});

async function loginAfterActivation(page: Page) {
  await page.keyboard.type('sportello1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2468');
  await page.keyboard.press('Enter');
  const search = page.getByRole('combobox', { name: /^Cerca/ });
  await expect(search).toBeFocused();
  return search;
}

function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-pdf-'));
  try {
    const file = path.join(dir, 'avviso.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
