import { formatEuro } from '../../shared/money';
import { expect, test } from './fixtures';
import { centsOf, isAllSelected, login } from './steps';

interface Row {
  surname: string;
  name: string;
  papay_code: string;
  parent_cf: string;
}

test('sportello: ricerca per cognome, ricarica con bancomat, ristampa COPIA, storno con supervisore, riepilogo', async ({
  page,
  app,
}) => {
  // A child whose surname and name together point at one account: the list is short, but it is still a list.
  const [child] = app.query<Row>(
    `SELECT c.surname, c.name, a.papay_code, f.fiscal_code AS parent_cf
       FROM children c JOIN accounts a ON a.child_id = c.id JOIN families f ON f.id = c.family_id
      WHERE c.surname NOT LIKE '% %' AND c.surname NOT LIKE '%''%'
      GROUP BY c.surname, c.name HAVING COUNT(*) = 1
      ORDER BY c.surname, c.name LIMIT 1`,
  );
  expect(child).toBeDefined();
  const { surname, name, papay_code: papay, parent_cf: parentCf } = child!;

  const [common] = app.query<{ surname: string; n: number }>(
    `SELECT c.surname, COUNT(*) AS n FROM children c JOIN accounts a ON a.child_id = c.id
      GROUP BY c.surname ORDER BY n DESC LIMIT 1`,
  );

  const search = await login(page, app.url, 'sportello1', '2468');

  // A common surname comes a page at a time: PageDown brings the next one, the field keeps the focus.
  await page.keyboard.type(common!.surname);
  await page.keyboard.press('Enter');
  const results = page.getByRole('listbox', { name: 'Risultati della ricerca' });
  await expect(results.getByRole('option').first()).toBeVisible();
  const firstPage = await results.getByRole('option').count();
  expect(firstPage).toBeLessThan(common!.n);
  await page.keyboard.press('PageDown');
  // A page is 20 children with all their accounts, so the second page adds some, never more than exist.
  await expect.poll(() => results.getByRole('option').count()).toBeGreaterThan(firstPage);
  expect(await results.getByRole('option').count()).toBeLessThanOrEqual(common!.n);
  await expect(results.getByRole('option').nth(firstPage)).toHaveAttribute('aria-selected', 'true');
  await expect(search).toBeFocused();
  expect(await isAllSelected(search)).toBe(true);

  // Search by surname and name: a list to choose from, never opened on its own.
  await page.keyboard.type(`${surname} ${name}`);
  await page.keyboard.press('Enter');
  await expect(results.getByRole('option').first()).toContainText(surname);
  const texts = await results.getByRole('option').allTextContents();
  const index = texts.findIndex((t) => t.includes(papay));
  expect(index).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await expect(results.getByRole('option').nth(index)).toHaveAttribute('aria-selected', 'true');
  await expect(search).toBeFocused();
  await page.keyboard.press('Enter');

  const account = page.getByRole('region', { name: 'Conto aperto' });
  await expect(account.getByRole('heading', { level: 2 })).toHaveText(`${name} ${surname}`);
  await expect(account.getByTestId('papay-code')).toHaveText(papay);
  const before = centsOf((await account.getByTestId('balance').textContent()) ?? '');

  // Top-up by card, with the payer's codice fiscale and the POS authorisation code.
  await page.keyboard.press('F2');
  const topup = page.getByRole('dialog', { name: /^Ricarica/ });
  await expect(topup.getByLabel('Importo in euro')).toBeFocused();
  await page.keyboard.type('35,50');
  await page.keyboard.press('Alt+b');
  await expect(topup.getByRole('radio', { name: 'Bancomat/carta (Alt+B)' })).toBeChecked();
  await topup.getByLabel('Codice fiscale di chi paga').fill(parentCf);
  await topup.getByLabel('Codice autorizzazione POS').fill('A12345');
  await page.keyboard.press('Enter');

  await expect(topup.getByTestId('new-balance')).toHaveText(formatEuro(before + 3550));
  const receiptNo = (await topup.getByTestId('receipt-no').textContent()) ?? '';
  const receipt = topup.getByRole('document', { name: 'Testo della ricevuta' });
  await expect(receipt).toContainText(receiptNo);
  await expect(receipt).toContainText('35,50');
  await expect(receipt).not.toContainText('COPIA');
  // The whole receipt, not cut at IMPORTO: its end is reached by keyboard (Shift+Tab back from Chiudi, then End)
  // and lies inside the 1366x768 window.
  const close = topup.getByRole('button', { name: 'Chiudi (Invio)' });
  await expect(close).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(receipt).toBeFocused();
  await page.keyboard.press('End');
  await expect.poll(() => receipt.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1)).toBe(true);
  const box = await receipt.boundingBox();
  expect(box !== null && box.y >= 0 && box.y + box.height <= 768).toBe(true);
  await page.keyboard.press('Tab');
  await expect(close).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(topup).toBeHidden();
  await expect(search).toBeFocused();
  await expect(account.getByTestId('balance')).toHaveText(formatEuro(before + 3550));

  // F8: today's receipts, newest first; Enter reprints it as a copy.
  await page.keyboard.press('F8');
  const receipts = page.getByRole('table', { name: /^Elenco ricevute/ });
  await expect(receipts).toBeFocused();
  await expect(receipts.locator('tbody tr').first()).toContainText(receiptNo);
  await page.keyboard.press('Enter');
  const reprint = page.getByRole('dialog', { name: `Ristampa ricevuta n. ${receiptNo}` });
  await expect(reprint.getByRole('document', { name: 'Testo della ricevuta' })).toContainText('COPIA');
  await page.keyboard.press('Enter');
  await expect(reprint).toBeHidden();
  await expect(receipts).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(search).toBeFocused();

  // F4 on the selected operation (the top-up just made): a supervisor authorises the void.
  const topupRow = account.getByRole('row').filter({ hasText: receiptNo });
  await expect(topupRow).toHaveAttribute('aria-selected', 'true');
  await expect(topupRow).toContainText('Ricarica con bancomat/carta');
  await page.keyboard.press('F4');
  const voidDialog = page.getByRole('dialog', { name: /^Storno/ });
  await expect(voidDialog.getByLabel('Codice supervisore')).toBeFocused();
  await page.keyboard.type('supervisore');
  await voidDialog.getByLabel('PIN supervisore').fill('carrara-1357');
  await voidDialog.getByLabel('Motivo dello storno').fill('Importo sbagliato');
  // Invio alone does not void (a scanner sends it): Ctrl+Invio does.
  await page.keyboard.press('Enter');
  await expect(voidDialog.getByRole('alert')).toContainText('Ctrl+Invio');
  await page.keyboard.press('Control+Enter');
  await expect(voidDialog.getByText('Storno registrato.')).toBeVisible();
  await expect(voidDialog.getByTestId('new-balance')).toHaveText(formatEuro(before));
  const voidReceiptNo = (await voidDialog.getByTestId('receipt-no').textContent()) ?? '';
  await expect(voidDialog.getByRole('document', { name: 'Testo della ricevuta di storno' })).toContainText(
    voidReceiptNo,
  );
  await page.keyboard.press('Enter');
  await expect(voidDialog).toBeHidden();
  await expect(search).toBeFocused();
  await expect(topupRow).toContainText('stornata');
  await expect(account.getByTestId('balance')).toHaveText(formatEuro(before));

  // F9: the day summary lists the void with its supervisor and reason.
  await page.keyboard.press('F9');
  const voids = page.getByRole('table', { name: 'Storni del giorno' });
  const voidRow = voids.getByRole('row').filter({ hasText: voidReceiptNo });
  await expect(voidRow).toContainText(receiptNo);
  await expect(voidRow).toContainText('Importo sbagliato');
  await expect(voidRow).toContainText(formatEuro(3550).replace('€ ', ''));
  const reprints = page.getByRole('table', { name: 'Ristampe del giorno' });
  await expect(reprints).toContainText(receiptNo);
  await expect(reprints.getByRole('columnheader')).toHaveText(['Ricevuta', 'Operatore', 'Ristampata il']);
  await page.keyboard.press('Enter');
  const printed = page.getByRole('dialog', { name: 'Riepilogo del giorno' });
  await expect(printed.getByRole('document', { name: 'Testo del riepilogo' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(printed).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(search).toBeFocused();

  // Logout from the keyboard.
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByLabel('Codice operatore')).toBeFocused();
});
