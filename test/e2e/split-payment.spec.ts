import { formatEuro } from '../../shared/money';
import { decodeEscPos } from '../support/escpos-decoder';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { centsOf, login } from './steps';

test.use({ virtualPrinter: true });

interface Row {
  account_id: string;
  papay_code: string;
  name: string;
  surname: string;
  service: 'refezione' | 'trasporto' | 'asilo_nido';
  balance: number;
}

const SERVICE = { refezione: 'Refezione scolastica', trasporto: 'Trasporto scolastico', asilo_nido: 'Asilo nido' };

test('sportello: un pagamento unico per due figli, una ricevuta con entrambi, da tastiera', async ({ page, app }) => {
  // Two children of one adulto di riferimento, each with an account.
  const [family] = app.query<{ family_id: string }>(
    `SELECT c.family_id FROM children c JOIN accounts a ON a.child_id = c.id WHERE c.family_id IS NOT NULL
      GROUP BY c.family_id HAVING COUNT(DISTINCT c.id) >= 2 ORDER BY c.family_id LIMIT 1`,
  );
  const rows = app.query<Row>(
    `SELECT a.id AS account_id, a.papay_code, c.name, c.surname, a.service, a.server_balance_cents AS balance
       FROM accounts a JOIN children c ON c.id = a.child_id WHERE c.family_id = ? ORDER BY c.id, a.service`,
    family!.family_id,
  );
  const first = rows[0]!;
  const second = rows.find((r) => `${r.name} ${r.surname}` !== `${first.name} ${first.surname}`)!;
  const search = await login(page, app.url, 'sportello1', '2468');

  // Without an open account Alt+P says what to do first.
  await page.keyboard.press('Alt+p');
  await expect(page.getByText('Aprire prima il conto di uno dei figli')).toBeVisible();

  // Find the first child by its Pa-Pay code and open the account.
  await search.fill(first.papay_code);
  await page.keyboard.press('Enter');
  const account = page.getByRole('region', { name: 'Conto aperto' });
  await expect(account.getByTestId('balance')).toBeVisible();

  // Alt+P: the family's accounts, the cursor on the open account's amount.
  await page.keyboard.press('Alt+p');
  const dialog = page.getByRole('dialog', { name: /^Pagamento unico per più conti/ });
  const label = (r: Row) => `Importo per ${r.name} ${r.surname}, ${SERVICE[r.service]}`;
  const firstField = dialog.getByRole('textbox', { name: label(first) });
  await expect(firstField).toBeFocused();
  await page.keyboard.type('30');
  // Tab (or Maiusc+Tab) to the other child's amount, wherever its row is.
  const fields = await dialog
    .getByRole('textbox', { name: /^Importo per / })
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
  const steps = fields.indexOf(label(second)) - fields.indexOf(label(first));
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'Tab' : 'Shift+Tab');
  await expect(dialog.getByRole('textbox', { name: label(second) })).toBeFocused();
  await page.keyboard.type('20');
  await expect(dialog.getByTestId('split-total')).toHaveText(`Totale: ${formatEuro(5000)}`);
  await expectAccessible(page, 'il pagamento unico');

  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('receipt-no')).toBeVisible();
  const receiptNo = (await dialog.getByTestId('receipt-no').textContent())!;
  await expect(dialog.getByTestId('split-paid-total')).toHaveText(formatEuro(5000));
  const lines = dialog.getByTestId('split-line');
  await expect(lines).toHaveCount(2);
  const newBalances = await lines.evaluateAll((els) => els.map((el) => el.lastElementChild?.textContent ?? ''));
  expect(newBalances.map(centsOf).sort()).toEqual([first.balance + 3000, second.balance + 2000].sort());
  await expectAccessible(page, 'il pagamento unico registrato');

  // The receipt as the printer got it: both children, each account's amount, the total.
  const [job] = await app.printer!.waitForJobs(1, 15_000);
  const paper = decodeEscPos(job!).text.replace(/ +/g, ' ');
  expect(paper).toContain(`Numero: ${receiptNo}`);
  expect(paper).toContain(`${first.name} ${first.surname}`);
  expect(paper).toContain(`${second.name} ${second.surname}`);
  expect(paper).toContain(`Codice Pa-Pay: ${first.papay_code}`);
  expect(paper).toContain(`Codice Pa-Pay: ${second.papay_code}`);
  expect(paper).toContain('Importo € 30,00');
  expect(paper).toContain('Importo € 20,00');
  expect(paper).toContain('TOTALE € 50,00');

  // Invio closes; the open account shows its new balance.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(account.getByTestId('balance')).toContainText(formatEuro(first.balance + 3000).replace('€ ', ''));

  // F4 on its entry warns that the void takes back the whole payment; Esc leaves it.
  await page.keyboard.press('F4');
  const voiding = page.getByRole('dialog', { name: /^Storno/ });
  await expect(voiding).toContainText('Fa parte di un pagamento unico per 2 conti');
  await page.keyboard.press('Escape');
  await expect(voiding).toBeHidden();
});
