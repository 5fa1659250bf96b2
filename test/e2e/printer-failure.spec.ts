import { expect, test } from './fixtures';
import { login } from './steps';

test.use({ brokenPrinter: true });

test('stampante guasta: la ricarica resta registrata e la ricevuta è offerta di nuovo al login', async ({
  page,
  app,
}) => {
  const [account] = app.query<{ papay_code: string }>(
    `SELECT papay_code FROM accounts ORDER BY papay_code DESC LIMIT 1`,
  );
  const papay = account!.papay_code;

  const search = await login(page, app.url, 'sportello1', '2468');
  await page.keyboard.type(papay);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Conto aperto' }).getByTestId('papay-code')).toHaveText(papay);

  await page.keyboard.press('F2');
  const topup = page.getByRole('dialog', { name: /^Ricarica/ });
  await expect(topup.getByLabel('Importo in euro')).toBeFocused();
  await page.keyboard.type('12,50');
  await page.keyboard.press('Enter');
  await expect(topup.getByText('Ricarica registrata.')).toBeVisible();
  const receiptNo = (await topup.getByTestId('receipt-no').textContent()) ?? '';
  await expect(topup.getByRole('alert')).toContainText('Stampa non riuscita');
  await page.keyboard.press('Enter');
  await expect(topup).toBeHidden();
  await expect(search).toBeFocused();

  // Next login: the receipt that never came out is offered first.
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByLabel('Codice operatore')).toBeFocused();
  await page.keyboard.type('sportello1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2468');
  await page.keyboard.press('Enter');
  const pending = page.getByRole('dialog', { name: 'Ricevute non stampate' });
  await expect(pending.getByRole('list', { name: 'Ricevute da stampare' })).toContainText(receiptNo);
  // One receipt: the question agrees with it.
  await expect(pending).toContainText("C'è una ricevuta registrata ma non stampata. Stamparla ora?");
  await expect(pending.getByRole('button', { name: 'Stampa ora (Invio)' })).toBeFocused();
  await page.keyboard.press('Enter');
  // The printer is still broken: the operator is told so, and the receipt stays pending.
  const close = pending.getByRole('button', { name: 'Chiudi (Invio)' });
  await expect(close).toBeFocused();
  await expect(pending.getByRole('listitem').filter({ hasText: receiptNo })).not.toContainText('stampata');
  await page.keyboard.press('Enter');
  await expect(pending).toBeHidden();
  await expect(page.getByRole('combobox', { name: /^Cerca/ })).toBeFocused();
});
