import { randomUUID } from 'node:crypto';
import { formatEuro } from '../../shared/money';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { screenshot } from './screens';
import { login, openFirstResult, topUpInCash } from './steps';
import { openCounterFile } from '../support/counter-file';

/** Issue 15 item 9: "Da risolvere" names each refused operation by receipt, child and amount, never by an id. */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Test-only: the central's refusal of the queued operations, and one of an operation whose notice is unknown here. */
function refuseAll(dataDir: string): string {
  const db = openCounterFile(dataDir, { fileMustExist: true });
  const unknown = randomUUID();
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(
      `UPDATE outbox SET state = 'rejected', rejected_reason = 'Conto non trovato' WHERE state = 'pending'`,
    ).run();
    db.prepare(
      `INSERT INTO outbox (operation_id, type, payload, created_at, state, rejected_reason)
       VALUES (?, 'notice_cancel', ?, '2026-11-30T09:00:00.000Z', 'rejected', 'Avviso sconosciuto')`,
    ).run(unknown, JSON.stringify({ noticeId: randomUUID(), accountId: randomUUID() }));
  } finally {
    db.close();
  }
  return unknown;
}

test('supervisore: da risolvere mostra ricevuta, bambino e importo, mai un identificativo', async ({ page, app }) => {
  const search = await login(page, app.url, 'supervisore', 'carrara-1357');
  const account = await openFirstResult(page, search, 'ric');
  const child = (await account.getByRole('heading', { level: 2 }).textContent()) ?? '';
  expect(child).not.toBe('');
  await topUpInCash(page, '20');
  const [queued] = app.query<{ payload: string }>(`SELECT payload FROM outbox WHERE type = 'topup'`);
  const receiptNo = (JSON.parse(queued!.payload) as { receiptNo: string }).receiptNo;
  refuseAll(app.dataDir);

  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+D');
  const view = page.getByRole('region', { name: 'Operazioni da risolvere' });
  const table = view.getByRole('table', { name: /^Elenco operazioni da risolvere/ });
  await expect(table).toBeFocused();
  const topup = table.getByRole('row').filter({ hasText: receiptNo });
  await expect(topup).toContainText(formatEuro(2000));
  await expect(topup).toContainText(`${child} (`);
  await expect(table.getByRole('row').filter({ hasText: 'Annullamento avviso' })).toContainText('Avviso sconosciuto');
  expect(await view.textContent()).not.toMatch(UUID);
  await expectAccessible(page, 'da risolvere');
  await screenshot(page, 'problems-after');

  // Put back in the queue: the message names it by kind and time, not by its id.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(view.getByRole('status')).toContainText('Annullamento avviso del');
  expect(await view.textContent()).not.toMatch(UUID);
});
