import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { formatEuro } from '../../shared/money';
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
import { centsOf } from './steps';
import { expectAccessible } from './axe';

/**
 * The sync with the central service, end to end and with real processes: the central emulator,
 * a counter started on an EMPTY data folder (it fills itself from the first sync after the
 * activation), and the renderer in Chromium driven by keyboard.
 */

const COUNTER = 'FAR-CAVATORE';

interface Central {
  dataDir: string;
  url: string;
  /** Stops the emulator: the counter now gets "connection refused". */
  kill(): Promise<void>;
  /** Starts it again on the same port and data, as after a network outage. */
  restart(): Promise<void>;
  admin<T>(route: string, body?: unknown): Promise<T>;
}

interface Counter {
  url: string;
  dataDir: string;
  query<T>(sql: string, ...params: unknown[]): T[];
}

interface AdminOperation {
  id: string;
  seq: number;
  accountId: string;
  amountCents: number;
  counterCode: string;
  receiptNo: string | null;
}

const syncTest = test.extend<{ central: Central; station: Counter }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  central: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
    let running: ChildProcess | null = null;
    const first = await startCentral(dataDir, { demo: true, tillOptional: true });
    running = first.child;
    const url = first.url;
    const port = Number(new URL(url).port);
    const central: Central = {
      dataDir,
      url,
      async kill() {
        if (running) await stop(running);
        running = null;
      },
      async restart() {
        running = (await startCentral(dataDir, { port })).child;
      },
      async admin<T>(route: string, body?: unknown): Promise<T> {
        const response = await fetch(
          `${url}${route}`,
          body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) },
        );
        expect(response.status, `${route}: ${await response.clone().text()}`).toBe(200);
        return (await response.json()) as T;
      },
    };
    try {
      await use(central);
    } finally {
      if (running) await stop(running);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
  station: async ({ central, page }, use) => {
    // No seed: the installation starts with a stand-in counter record and waits for its activation.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
    const { child, url } = await startServe(dataDir, COUNTER, ['--central', central.url]);
    const db = databaseReader(dataDir);
    try {
      await use({
        url,
        dataDir,
        query: db.query,
      });
    } finally {
      db.close();
      // The page polls the host: it leaves first, so the stopped host is not a page error.
      await page.goto('about:blank');
      await stop(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

function statusBar(page: Page) {
  const bar = page.getByRole('contentinfo', { name: 'Sincronizzazione con il servizio centrale' });
  return {
    bar,
    online: bar.getByTestId('sync-online'),
    pending: bar.getByTestId('sync-pending'),
    last: bar.getByTestId('sync-last'),
    result: bar.getByTestId('sync-result'),
  };
}

/** First run: the one-time code typed on the login screen, then the first sync until it is over. */
async function activateByKeyboard(page: Page, counter: Counter, central: Central): Promise<void> {
  const sync = statusBar(page);
  await page.goto(counter.url);
  await expect(sync.online).toHaveText('Sportello non attivato');
  await expect(sync.last).toHaveText('Ultima sincronizzazione: mai');
  const form = page.getByRole('form', { name: 'Attiva questo sportello' });
  const codeField = form.getByLabel('Codice di attivazione');
  await expect(codeField).toBeFocused();

  // A wrong code: the central's refusal in Italian, and the field ready for the right one.
  await page.keyboard.type('SBAGLIATO1');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('alert')).toContainText('Codice di attivazione rifiutato');
  await expect(codeField).toBeFocused();

  // Slow answers, so the first sync lasts long enough to be watched page by page.
  await central.admin('/admin/faults', { latency: 250 });
  await page.keyboard.type(enrolmentCode(central.dataDir, COUNTER));
  await page.keyboard.press('Enter');
  const progress = page.getByRole('progressbar', { name: 'Prima sincronizzazione', exact: true });
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('first-sync-percent')).toHaveText(/^\d{1,2}%$/);
  await central.admin('/admin/faults', {});

  await expect(page.getByText('Sportello attivato e prima sincronizzazione completata')).toBeVisible({
    timeout: 60_000,
  });
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('counter-name')).toHaveText('Farmacia del Cavatore');
  await expect(sync.online).toHaveText('● In linea');
  await expect(sync.last).not.toHaveText('Ultima sincronizzazione: mai');
  await expect(page.getByLabel('Codice operatore')).toBeFocused();
}

async function loginHere(page: Page, operator: string, pin: string): Promise<Locator> {
  await expect(page.getByLabel('Codice operatore')).toBeFocused();
  await page.keyboard.type(operator);
  await page.keyboard.press('Tab');
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  const search = page.getByRole('combobox', { name: /^Cerca/ });
  await expect(search).toBeFocused();
  return search;
}

/** Opens the account by its Pa-Pay code and tops it up by 20 euro in cash; returns the receipt number. */
async function topUp20(page: Page, papay: string): Promise<{ receiptNo: string; before: number }> {
  await page.keyboard.type(papay);
  await page.keyboard.press('Enter');
  const account = page.getByRole('region', { name: 'Conto aperto' });
  await expect(account.getByTestId('balance')).toBeVisible();
  const before = centsOf((await account.getByTestId('balance').textContent()) ?? '');
  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog', { name: /^Ricarica/ });
  await expect(dialog.getByLabel('Importo in euro')).toBeFocused();
  await page.keyboard.type('20');
  await page.keyboard.press('Alt+c');
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Ricarica registrata.')).toBeVisible();
  const receiptNo = (await dialog.getByTestId('receipt-no').textContent()) ?? '';
  expect(receiptNo).not.toBe('');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  return { receiptNo, before };
}

function anyPapayCode(counter: Counter): { papay: string; accountId: string } {
  const [row] = counter.query<{ papay_code: string; id: string }>(
    'SELECT papay_code, id FROM accounts ORDER BY papay_code LIMIT 1',
  );
  expect(row, 'la prima sincronizzazione ha portato i conti').toBeDefined();
  return { papay: row!.papay_code, accountId: row!.id };
}

function operationIdOf(counter: Counter, receiptNo: string): string {
  const [row] = counter.query<{ operation_id: string }>(
    'SELECT operation_id FROM receipts WHERE receipt_no = ?',
    receiptNo,
  );
  expect(row).toBeDefined();
  return row!.operation_id;
}

async function centralCopiesOf(central: Central, operationId: string): Promise<AdminOperation[]> {
  const { operations } = await central.admin<{ operations: AdminOperation[] }>('/admin/operations');
  return operations.filter((op) => op.id === operationId);
}

syncTest(
  'primo avvio: attivazione con il codice, prima sincronizzazione, ricarica inviata una volta sola',
  async ({ page, central, station: counter }) => {
    const sync = statusBar(page);
    await activateByKeyboard(page, counter, central);
    await expect(sync.pending).toHaveText('Nessuna operazione da inviare');
    await loginHere(page, 'cavatore', '1234');
    await expect(page.getByRole('list', { name: 'Tasti rapidi' })).toContainText('Ctrl+Maiusc+S');

    // Slow the central down so the operation is seen waiting before the automatic send settles it.
    await central.admin('/admin/faults', { latency: 3_000 });
    const { papay, accountId } = anyPapayCode(counter);
    const { receiptNo, before } = await topUp20(page, papay);
    await expect(sync.pending).toHaveText('1 operazione da inviare');
    await central.admin('/admin/faults', {});

    await page.keyboard.press('Control+Shift+S');
    await expect(sync.result).toContainText('Sincronizzazione eseguita', { timeout: 30_000 });
    await expect(sync.pending).toHaveText('Nessuna operazione da inviare');
    await expect(sync.online).toHaveText('● In linea');

    const operationId = operationIdOf(counter, receiptNo);
    const copies = await centralCopiesOf(central, operationId);
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ accountId, amountCents: 2000, counterCode: COUNTER, receiptNo });

    // The balance pulled back includes the top-up once: not counted again on top of it.
    const account = page.getByRole('region', { name: 'Conto aperto' });
    await page.keyboard.press('Escape');
    await page.keyboard.type(papay);
    await page.keyboard.press('Enter');
    await expect(account.getByTestId('balance')).toHaveText(formatEuro(before + 2000));
  },
);

syncTest(
  'servizio centrale irraggiungibile: ricarica offline, "Non in linea", poi inviata una volta al ritorno',
  async ({ page, central, station: counter }) => {
    const sync = statusBar(page);
    await activateByKeyboard(page, counter, central);
    await loginHere(page, 'cavatore', '1234');

    await central.kill();
    const { papay, accountId } = anyPapayCode(counter);
    const { receiptNo, before } = await topUp20(page, papay);
    // The top-up is committed locally whatever the network does; the send after it fails.
    await expect(sync.pending).toHaveText('1 operazione da inviare');
    await expect(sync.online).toHaveText('✕ Non in linea');
    const offline = sync.bar.getByTestId('sync-error');
    await expect(offline).toHaveText(
      'Servizio centrale non raggiungibile: si può continuare a lavorare, le operazioni sono salvate e partiranno da sole.',
    );
    await expect(page.getByText(/ECONNREFUSED|127\.0\.0\.1/)).toHaveCount(0);
    // Said once, and whole on a narrow window too: it wraps instead of being cut.
    await page.setViewportSize({ width: 900, height: 768 });
    await expect(page.getByText('partiranno da sole')).toHaveCount(1);
    expect(await offline.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.keyboard.press('Control+Shift+S');
    await expect(sync.result).toContainText('Sincronizzazione non riuscita');
    await expect(sync.pending).toHaveText('1 operazione da inviare');

    await central.restart();
    // The failed send waits its backoff (a few seconds): ask again until it goes.
    await expect(async () => {
      await page.keyboard.press('Control+Shift+S');
      await expect(sync.pending).toHaveText('Nessuna operazione da inviare', { timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    await expect(sync.online).toHaveText('● In linea');

    const operationId = operationIdOf(counter, receiptNo);
    const copies = await centralCopiesOf(central, operationId);
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ accountId, amountCents: 2000, receiptNo });
    const ledger = await central.admin<{ balanceCents: number; entries: { id: string }[] }>(
      `/admin/accounts/${encodeURIComponent(accountId)}`,
    );
    expect(ledger.entries.filter((e) => e.id === operationId)).toHaveLength(1);
    expect(ledger.balanceCents).toBe(before + 2000);

    const account = page.getByRole('region', { name: 'Conto aperto' });
    await page.keyboard.press('Escape');
    await page.keyboard.type(papay);
    await page.keyboard.press('Enter');
    await expect(account.getByTestId('balance')).toHaveText(formatEuro(before + 2000));
  },
);

syncTest(
  'operazione rifiutata dal centrale: "da risolvere" per il supervisore, rimessa in coda con Invio',
  async ({ page, central, station: counter }) => {
    const sync = statusBar(page);
    await activateByKeyboard(page, counter, central);
    await loginHere(page, 'cavatore', '1234');

    // Offline, so the operation is still queued when the test alters it.
    await central.kill();
    const { papay, accountId } = anyPapayCode(counter);
    const { receiptNo } = await topUp20(page, papay);
    await expect(sync.pending).toHaveText('1 operazione da inviare');
    const operationId = operationIdOf(counter, receiptNo);
    rewriteQueuedPapay(counter, operationId, '0000000000');
    await central.restart();
    await expect(async () => {
      await page.keyboard.press('Control+Shift+S');
      await expect(sync.bar.getByTestId('sync-problems')).toHaveText('⚠ 1 da risolvere', { timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    await expect(sync.pending).toHaveText('Nessuna operazione da inviare');
    expect(await centralCopiesOf(central, operationId)).toHaveLength(0);

    // A counter operator may not open the list.
    await page.keyboard.press('Control+Shift+D');
    await expect(page.getByRole('status').filter({ hasText: 'solo a un supervisore' })).toBeVisible();

    await page.keyboard.press('Control+Shift+L');
    await loginHere(page, 'sup-cavatore', 'farmacia-9753');
    await expect(page.getByRole('list', { name: 'Tasti rapidi' })).toContainText('Ctrl+Maiusc+D');
    await page.keyboard.press('Control+Shift+D');
    const view = page.getByRole('region', { name: 'Operazioni da risolvere' });
    const table = view.getByRole('table', { name: /^Elenco operazioni da risolvere/ });
    await expect(table).toBeFocused();
    const row = table.getByRole('row').filter({ hasText: receiptNo });
    await expect(row).toContainText('non corrisponde al conto');
    await expect(row).toContainText(formatEuro(2000));

    // The cause is put right (here: the code back as it was), then Enter sends it again.
    rewriteQueuedPapay(counter, operationId, papay);
    await page.keyboard.press('Enter');
    await expect(view.getByRole('status')).toContainText('rimessa in coda');
    await expect(view.getByText('Nessuna operazione da risolvere.')).toBeVisible();
    await expect(sync.bar.getByTestId('sync-problems')).toBeHidden();
    await expect(sync.pending).toHaveText('Nessuna operazione da inviare', { timeout: 30_000 });
    const copies = await centralCopiesOf(central, operationId);
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ accountId, amountCents: 2000, receiptNo });

    await page.keyboard.press('Escape');
    await expect(page.getByRole('combobox', { name: /^Cerca/ })).toBeFocused();
  },
);

syncTest(
  'attivazione revocata: si riattiva dalla schermata di accesso solo con codice e PIN di un supervisore',
  async ({ page, central, station: counter }) => {
    const sync = statusBar(page);
    await activateByKeyboard(page, counter, central);
    // Another PC is activated for this counter: this one is revoked at its next sync.
    const response = await fetch(`${central.url}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: enrolmentCode(central.dataDir, COUNTER), deviceName: 'altro-pc' }),
    });
    expect(response.status).toBe(200);
    await loginHere(page, 'cavatore', '1234');
    await page.keyboard.press('Control+Shift+S');
    await expect(sync.online).toHaveText('Sportello non attivato');
    await page.keyboard.press('Control+Shift+L');

    const form = page.getByRole('form', { name: 'Attiva questo sportello' });
    const codeField = form.getByLabel('Codice di attivazione');
    await expect(codeField).toBeFocused();
    await page.keyboard.type(enrolmentCode(central.dataDir, COUNTER));
    await page.keyboard.press('Enter');
    // Issue 13 item 9: a PC enrolled before needs a supervisor (enrolling again stops the other PC).
    await expect(form.getByRole('alert').filter({ hasText: 'già stato attivato' })).toHaveText(
      'Questo PC è già stato attivato: per attivarlo di nuovo servono il codice e il PIN di un supervisore.',
    );
    const supervisorField = form.getByLabel('Codice supervisore');
    await expect(supervisorField).toBeFocused();
    await expectAccessible(page, 'riattivazione con supervisore');
    await page.keyboard.type('sup-cavatore');
    await page.keyboard.press('Tab');
    await page.keyboard.type('farmacia-9753');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Codice operatore')).toBeFocused({ timeout: 30_000 });
    await expect(sync.online).toHaveText('● In linea');
  },
);
