import { formatEuro } from '../../shared/money';
import { expect, test } from './fixtures';
import { centsOf, isAllSelected, login } from './steps';

test('sportello: PIN errato, cifra di controllo errata, ricarica doppia confermata, Esc annulla, blocco per inattività', async ({
  page,
  app,
}) => {
  const [account] = app.query<{ papay_code: string }>(
    `SELECT papay_code FROM accounts WHERE service = 'refezione' ORDER BY papay_code LIMIT 1`,
  );
  const papay = account!.papay_code;
  const wrongCheck = papay.slice(0, -1) + String((Number(papay.at(-1)) + 1) % 10);

  // The fake clock lets the idle lock be reached without waiting five minutes.
  await page.clock.install();
  await page.goto(app.url);
  await page.getByLabel('Codice operatore').fill('sportello1');
  await page.getByLabel('PIN').fill('0000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText(/PIN|codice/i);
  await expect(page.getByLabel('PIN')).toBeFocused();
  await expect(page.getByLabel('PIN')).toHaveValue('');

  const search = await login(page, app.url, 'sportello1', '2468');

  // A typo in the code is caught by the check digit: the message sits under the field, the text is selected.
  await page.keyboard.type(wrongCheck);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('cifra di controllo');
  await expect(search).toBeFocused();
  expect(await isAllSelected(search)).toBe(true);

  await page.keyboard.type(papay);
  await page.keyboard.press('Enter');
  const region = page.getByRole('region', { name: 'Conto aperto' });
  await expect(region.getByTestId('papay-code')).toHaveText(papay);
  const before = centsOf((await region.getByTestId('balance').textContent()) ?? '');

  // Esc leaves the top-up without recording anything.
  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog', { name: /^Ricarica/ });
  await expect(dialog.getByLabel('Importo in euro')).toBeFocused();
  await page.keyboard.type('15');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(search).toBeFocused();
  await expect(region.getByTestId('balance')).toHaveText(formatEuro(before));

  // An amount the counter does not accept is refused in Italian, with the amount ready to retype.
  await page.keyboard.press('F2');
  await page.keyboard.type('venti');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('Importo non leggibile');
  await expect(dialog.getByLabel('Importo in euro')).toBeFocused();
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('new-balance')).toHaveText(formatEuro(before + 2000));
  const first = (await dialog.getByTestId('receipt-no').textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  // The same amount again on the same account: the core suspects a double and the operator confirms with
  // Ctrl+Invio (Invio alone, as a scanner sends it, would land on "Annulla").
  await page.keyboard.press('F2');
  await expect(dialog.getByLabel('Importo in euro')).toBeFocused();
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Conferma ricarica (Ctrl+Invio)' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Annulla (Esc)' })).toBeFocused();
  await expect(dialog.getByRole('alert')).not.toBeEmpty();
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByTestId('new-balance')).toHaveText(formatEuro(before + 4000));
  await expect(dialog.getByTestId('receipt-no')).not.toHaveText(first);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(search).toBeFocused();

  // Five minutes without input: back to the login, the operator already filled in, the PIN to type.
  await page.clock.fastForward('05:10');
  await expect(page.getByLabel('Codice operatore')).toHaveValue('sportello1');
  await expect(page.getByLabel('PIN')).toBeFocused();
  await expect(page.getByRole('status')).toContainText('inattività');
  // The core ended the session too: nothing goes through until the PIN is typed again.
  const reply = await page.evaluate(async () => {
    const token = sessionStorage.getItem('sportello.token') ?? '';
    const res = await fetch('/rpc/accounts.find', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'Rossi' }),
    });
    return (await res.json()) as { ok: boolean; error?: { code: string } };
  });
  expect(reply.ok).toBe(false);
  await page.keyboard.type('2468');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: /^Cerca/ })).toBeFocused();
});
