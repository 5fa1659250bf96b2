import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import {
  databaseReader,
  enrolmentCode,
  expect,
  rewriteQueuedPapay,
  startCentral,
  startServe,
  stop,
  test,
} from './fixtures';

/**
 * A barcode scanner is a keyboard: it types a code fast and ends it with Invio. Wherever the focus
 * is (a list, a dialog, a button), a scanned codice fiscale, codice Pa-Pay or codice avviso must
 * change nothing: no cancelled notice, no reprint, no void, no second top-up, nothing sent to the
 * central service. Each step scans the three codes where the focus is and compares the counter's
 * and the central's state before and after.
 */

const COUNTER = 'SE1';

interface Station {
  url: string;
  dataDir: string;
  centralDir: string;
  centralUrl: string;
  query<T>(sql: string, ...params: unknown[]): T[];
  /** The central switched off (connection refused), then on again on the same port and data. */
  centralOff(): Promise<void>;
  centralOn(): Promise<void>;
}

const scanTest = test.extend<{ station: Station }>({
  station: async ({ page }, use) => {
    const centralDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
    const central = await startCentral(centralDir, { demo: true, tillOptional: true });
    let running: ChildProcess | null = central.child;
    const port = Number(new URL(central.url).port);
    const counter = await startServe(dataDir, COUNTER, ['--central', central.url]);
    const db = databaseReader(dataDir);
    try {
      await use({
        url: counter.url,
        dataDir,
        centralDir,
        centralUrl: central.url,
        query: db.query,
        async centralOff() {
          if (running) await stop(running);
          running = null;
        },
        async centralOn() {
          running = (await startCentral(centralDir, { port })).child;
        },
      });
    } finally {
      db.close();
      await page.goto('about:blank');
      await stop(counter.child);
      if (running) await stop(running);
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(centralDir, { recursive: true, force: true });
    }
  },
});

/** What a scan must not change: the counter's records and the central's. */
async function stateOf(station: Station): Promise<unknown> {
  const local = {
    audit: station.query('SELECT COUNT(*) AS n, MAX(id) AS last FROM audit'),
    ledger: station.query("SELECT id, kind, amount_cents FROM ledger WHERE origin = 'local' ORDER BY id"),
    receipts: station.query('SELECT receipt_no, printed_at FROM receipts ORDER BY receipt_no'),
    prints: station.query('SELECT COUNT(*) AS n FROM receipt_prints'),
    notices: station.query('SELECT id, state, cancel_requested FROM notices ORDER BY id'),
    outbox: station.query('SELECT operation_id, type FROM outbox ORDER BY seq'),
    registrations: station.query('SELECT COUNT(*) AS n FROM registrations'),
  };
  const get = async (route: string) => (await fetch(`${station.centralUrl}${route}`)).json() as Promise<unknown>;
  return { local, operations: await get('/admin/operations'), notices: await get('/admin/notices') };
}

/** The scanner: the code typed fast, then Invio. */
async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

interface Codes {
  cf: string;
  papay: string;
  nav: string;
}

const allCodes = (codes: Codes) => [codes.cf, codes.papay, codes.nav];

/**
 * Runs the steps, then proves the state is what it was before them. A sync is asked first, so an
 * operation a scan might have queued would have reached the central service by then.
 */
async function unchanged(page: Page, station: Station, steps: () => Promise<void>): Promise<void> {
  // What was done before (a top-up, a notice) has reached the central service first.
  await expect(async () => {
    await page.keyboard.press('Control+Shift+S');
    await expect(page.getByTestId('sync-pending')).toHaveText('Nessuna operazione da inviare', { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  const before = await stateOf(station);
  await steps();
  // Whatever a scan might have started has had time to finish.
  await page.waitForTimeout(500);
  await page.keyboard.press('Control+Shift+S');
  await expect(page.getByTestId('sync-result')).toContainText('Sincronizzazione', { timeout: 30_000 });
  expect(await stateOf(station)).toEqual(before);
}

function mainSearch(page: Page): Locator {
  return page.getByRole('combobox', { name: /^Cerca/ });
}

/** Back to the search screen by Esc, one level at a time, whatever is open. */
async function backToSearch(page: Page): Promise<void> {
  const search = mainSearch(page);
  for (let i = 0; i < 4; i++) {
    if ((await page.getByRole('dialog').count()) === 0 && (await search.isVisible())) break;
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
  }
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(search).toBeFocused();
}

async function openAccount(page: Page, papay: string): Promise<Locator> {
  await backToSearch(page);
  await page.keyboard.type(papay);
  await page.keyboard.press('Enter');
  const account = page.getByRole('region', { name: 'Conto aperto' });
  await expect(account.getByTestId('papay-code')).toHaveText(papay);
  // The same account may be open already: the search is done only when the field's text is selected
  // again (the next code read replaces it), not when the account shows.
  await expect
    .poll(() =>
      mainSearch(page).evaluate(
        (el: HTMLInputElement) => el.value !== '' && el.selectionStart === 0 && el.selectionEnd === el.value.length,
      ),
    )
    .toBe(true);
  return account;
}

async function topUp(page: Page, euro: string): Promise<string> {
  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog', { name: /^Ricarica/ });
  await expect(dialog.getByLabel('Importo in euro')).toBeFocused();
  await page.keyboard.type(euro);
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Ricarica registrata.')).toBeVisible();
  const receiptNo = (await dialog.getByTestId('receipt-no').textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  return receiptNo;
}

/** F3, the child's notices found by codice fiscale, the list with the keyboard. */
async function noticesList(page: Page, cf: string): Promise<Locator> {
  await backToSearch(page);
  await page.keyboard.press('F3');
  const field = page.getByLabel(/^Cerca avviso/);
  await expect(field).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(cf);
  await page.keyboard.press('Enter');
  const table = page.getByRole('table', { name: /^Avvisi trovati/ });
  await expect(table).toBeFocused();
  return table;
}

scanTest('scanner: un codice letto in ogni elenco e in ogni finestra non cambia nulla', async ({ page, station }) => {
  scanTest.setTimeout(600_000);
  // First run: activation, first sync, a supervisor (who sees Da risolvere too).
  await page.goto(station.url);
  await expect(page.getByLabel('Codice di attivazione')).toBeFocused();
  await page.keyboard.type(enrolmentCode(station.centralDir, COUNTER));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Codice operatore')).toBeFocused({ timeout: 90_000 });
  await page.keyboard.type('supervisore');
  await page.keyboard.press('Tab');
  await page.keyboard.type('carrara-1357');
  await page.keyboard.press('Enter');
  await expect(mainSearch(page)).toBeFocused();
  await expect
    .poll(
      async () => {
        await page.keyboard.press('Control+Shift+S');
        return station.query<{ n: number }>('SELECT COUNT(*) AS n FROM notice_blocks WHERE next_base <= last_base')[0]
          ?.n;
      },
      { timeout: 60_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toBeGreaterThan(0);

  // A child whose codice fiscale has an A before any R or S: the letters that cancelled, reprinted, printed.
  const children = station.query<{ papay_code: string; fiscal_code: string }>(
    `SELECT a.papay_code, c.fiscal_code FROM accounts a JOIN children c ON c.id = a.child_id
        WHERE a.service = 'refezione' AND c.fiscal_code IS NOT NULL ORDER BY a.papay_code LIMIT 200`,
  );
  const child = children.find((c) => /^[^RS]*A/.test(c.fiscal_code));
  expect(child, 'un codice fiscale con una A prima di R e S').toBeDefined();
  const { papay_code: papay, fiscal_code: cf } = child!;

  // What the day has: a top-up (a receipt for F8, an operation to void), an issued notice (F3).
  await openAccount(page, papay);
  await topUp(page, '20');
  await page.keyboard.press('F6');
  const issue = page.getByRole('dialog', { name: /^Avviso pagoPA/ });
  await expect(issue.getByLabel('Importo in euro')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('45,50');
  await page.keyboard.press('Enter');
  await expect(issue.getByText('Avviso emesso.')).toBeVisible();
  const nav = ((await issue.getByTestId('notice-nav').first().textContent()) ?? '').replace(/ /g, '');
  expect(nav).toMatch(/^3\d{17}$/);
  await page.keyboard.press('Enter');
  await expect(issue).toBeHidden();
  const codes: Codes = { cf, papay, nav };

  // An operation the central refuses, for Da risolvere: queued offline, altered, then sent.
  const [other] = station.query<{ papay_code: string }>(
    `SELECT papay_code FROM accounts WHERE papay_code <> ? ORDER BY papay_code DESC LIMIT 1`,
    papay,
  );
  await station.centralOff();
  await openAccount(page, other!.papay_code);
  const refused = await topUp(page, '10');
  const [refusedOp] = station.query<{ operation_id: string }>(
    'SELECT operation_id FROM receipts WHERE receipt_no = ?',
    refused,
  );
  rewriteQueuedPapay(station, refusedOp!.operation_id, '0000000000');
  await station.centralOn();
  await expect(async () => {
    await page.keyboard.press('Control+Shift+S');
    await expect(page.getByTestId('sync-problems')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  // The notice is registered and nothing waits to be sent: the state is still from here on.
  await expect
    .poll(async () => {
      await page.keyboard.press('Control+Shift+S');
      return station.query<{ state: string }>('SELECT state FROM notices')[0]?.state;
    })
    .toBe('registrato');
  await expect(page.getByTestId('sync-pending')).toHaveText('Nessuna operazione da inviare');

  // F3: the list after a search. The characters go to its search field, Invio searches again.
  const noticeField = page.getByLabel(/^Cerca avviso/);
  await unchanged(page, station, async () => {
    for (const code of allCodes(codes)) {
      await noticesList(page, cf);
      await scan(page, code);
      await expect(noticeField).toHaveValue(code);
    }
  });

  // F8, F9, Da risolvere: a code goes to the search field of the main screen, and is searched there.
  const views: [string, string][] = [
    ['F8', 'Ricevute di oggi'],
    ['F9', 'Riepilogo del giorno'],
    ['Control+Shift+D', 'Operazioni da risolvere'],
  ];
  for (const [key, name] of views) {
    await unchanged(page, station, async () => {
      for (const code of allCodes(codes)) {
        await backToSearch(page);
        await page.keyboard.press(key);
        await expect(page.getByRole('region', { name })).toBeVisible();
        await expect(page.locator('input:focus')).toHaveCount(0);
        await scan(page, code);
        await expect(mainSearch(page)).toBeFocused();
        await expect(mainSearch(page)).toHaveValue(code);
      }
    });
  }

  // The notice's detail, then the cancellation: its reason may hold a code, Invio never confirms it.
  await unchanged(page, station, async () => {
    for (const code of allCodes(codes)) {
      await noticesList(page, cf);
      await page.keyboard.press('Enter');
      const detail = page.getByRole('dialog', { name: 'Avviso di pagamento' });
      await expect(detail).toBeVisible();
      await scan(page, code);
      await expect(detail).toBeHidden();
    }
    await noticesList(page, cf);
    await page.keyboard.press('F4');
    const cancel = page.getByRole('dialog', { name: 'Annulla avviso' });
    await expect(cancel.getByLabel("Motivo dell'annullamento")).toBeFocused();
    for (const code of allCodes(codes)) await scan(page, code);
    await expect(cancel.getByRole('alert')).toContainText('Ctrl+Invio');
    await page.keyboard.press('Escape');
    await expect(cancel).toBeHidden();
  });

  // The results of a print: nothing more is printed or recorded by a code read over them.
  const afterwards: [string, string | RegExp][] = [
    ['Control+P', 'Ristampa avviso'],
    ['Control+S', 'Avviso sulla stampante ricevute'],
  ];
  for (const [key, name] of afterwards) {
    await noticesList(page, cf);
    await page.keyboard.press(key);
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    await unchanged(page, station, async () => {
      for (const code of allCodes(codes)) await scan(page, code);
      await expect(dialog).toBeHidden();
    });
  }
  await backToSearch(page);
  await page.keyboard.press('F8');
  // Invio reprints from the moment the list is there and has the focus (pressed earlier, it has nothing to act on).
  await expect(page.getByRole('table', { name: /^Elenco ricevute/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: /^Ristampa ricevuta/ })).toBeVisible();
  await unchanged(page, station, async () => {
    await scan(page, papay);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
  await backToSearch(page);
  await page.keyboard.press('F9');
  // Invio prints once the summary is there (its print button takes the focus); pressed earlier, it had nothing to print.
  await expect(page.getByRole('button', { name: 'Stampa riepilogo (Invio)' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Riepilogo del giorno' })).toBeVisible();
  await unchanged(page, station, async () => {
    await scan(page, papay);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  // The search screen: the results of a name search, the open account.
  await unchanged(page, station, async () => {
    for (const code of allCodes(codes)) {
      await backToSearch(page);
      await page.keyboard.type('Rossi');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('listbox', { name: 'Risultati della ricerca' })).toBeVisible();
      await scan(page, code);
      await expect(mainSearch(page)).toHaveValue(code);
      await openAccount(page, papay);
      await scan(page, code);
      await expect(mainSearch(page)).toHaveValue(code);
    }
  });

  // The dialogs of the open account.
  const account = await openAccount(page, papay);
  await unchanged(page, station, async () => {
    // Ricarica: a code in the amount is not an amount.
    await page.keyboard.press('F2');
    const topup = page.getByRole('dialog', { name: /^Ricarica/ });
    const amount = topup.getByLabel('Importo in euro');
    await expect(amount).toBeFocused();
    const method = topup.getByRole('radio', { checked: true });
    const methodBefore = await method.getAttribute('value');
    for (const code of allCodes(codes)) {
      await scan(page, code);
      await expect(topup.getByRole('alert')).toBeVisible();
      await expect(amount).toBeFocused();
      await page.keyboard.press('Control+A');
    }
    expect(await method.getAttribute('value')).toBe(methodBefore);
    // The same amount again: the suspected double waits for a key no scanner sends.
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await expect(topup.getByRole('button', { name: /^Conferma ricarica/ })).toBeVisible();
    await expect(topup.getByRole('button', { name: /^Annulla/ })).toBeFocused();
    await scan(page, papay);
    await backToSearch(page);

    // Storno: the supervisor typed code and PIN, a code read into the reason, Invio.
    await expect(account.getByRole('row', { selected: true })).toContainText('Ricarica');
    await page.keyboard.press('F4');
    const voiding = page.getByRole('dialog', { name: /^Storno/ });
    await expect(voiding.getByLabel('Codice supervisore')).toBeFocused();
    await scan(page, cf);
    await voiding.getByLabel('Codice supervisore').fill('supervisore');
    await voiding.getByLabel('PIN supervisore').fill('carrara-1357');
    await voiding.getByLabel('Motivo dello storno').focus();
    for (const code of allCodes(codes)) await scan(page, code);
    await expect(voiding.getByRole('alert')).toContainText('Ctrl+Invio');
    await backToSearch(page);

    // Avviso pagoPA: a code in the amount is not an amount.
    await page.keyboard.press('F6');
    const notice = page.getByRole('dialog', { name: /^Avviso pagoPA/ });
    await expect(notice.getByLabel('Importo in euro')).toBeFocused();
    for (const code of allCodes(codes)) {
      await page.keyboard.press('Control+A');
      await scan(page, code);
      await expect(notice.getByRole('alert')).toBeVisible();
    }
    await backToSearch(page);

    // The keys of the screen (F1).
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: /^Tasti/ });
    await expect(help).toBeVisible();
    await scan(page, papay);
    await expect(help).toBeHidden();
  });

  // The result of a top-up and of an issued notice: a code read over them prints nothing more.
  await page.keyboard.press('F2');
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  const done = page.getByRole('dialog', { name: /^Ricarica/ });
  await expect(done.getByText('Ricarica registrata.')).toBeVisible();
  await unchanged(page, station, async () => {
    for (const code of allCodes(codes)) await scan(page, code);
    await expect(done).toBeHidden();
  });
  await openAccount(page, papay);
  await page.keyboard.press('F6');
  const issued = page.getByRole('dialog', { name: /^Avviso pagoPA/ });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await expect(issued.getByText('Avviso emesso.')).toBeVisible();
  await unchanged(page, station, async () => {
    for (const code of allCodes(codes)) await scan(page, code);
    await expect(issued).toBeHidden();
  });

  // F5: the form reads codes as it should (a lookup, Invio to the next field); leaving it asks, and a
  // code read over the question keeps the form.
  await backToSearch(page);
  await unchanged(page, station, async () => {
    await page.keyboard.press('F5');
    const form = page.getByRole('form', { name: 'Nuova iscrizione' });
    await expect(form).toBeVisible();
    for (const code of allCodes(codes)) await scan(page, code);
    await page.keyboard.press('Escape');
    const leave = page.getByRole('dialog', { name: 'Uscire senza registrare?' });
    await expect(leave).toBeVisible();
    await scan(page, cf);
    await expect(leave).toBeHidden();
    await expect(form).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(leave).toBeVisible();
    await page.keyboard.press('Control+Enter');
    await expect(mainSearch(page)).toBeFocused();
  });
});
