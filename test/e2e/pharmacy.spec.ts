import { formatEuro } from '../../shared/money';
import { searchRefusedMessage } from '../../shared/roles';
import { demoReference, expect, test } from './fixtures';
import { centsOf, isAllSelected, login } from './steps';

test.use({ counter: 'FAR-CAVATORE' });

interface Row {
  papay_code: string;
  name: string;
  surname: string;
  fiscal_code: string;
}

test('farmacia: codice Pa-Pay, ricarica di 20 euro in contanti, ricevuta e nuovo saldo; niente ricerca per codice fiscale', async ({
  page,
  app,
}) => {
  // What the customer says (the pharmacy's own copy holds only the surname's initial).
  const reference = demoReference();
  const [child] = reference.query<Row>(
    `SELECT a.papay_code, c.name, c.surname, c.fiscal_code
       FROM accounts a JOIN children c ON c.id = a.child_id
      WHERE length(c.surname) > 1
      ORDER BY a.papay_code LIMIT 1`,
  );
  reference.close();
  expect(child).toBeDefined();
  const { papay_code: papay, name, surname, fiscal_code: childCf } = child!;

  await page.goto(app.url);
  await expect(page.getByTestId('counter-name')).toHaveText('Farmacia del Cavatore');
  // The token left the address bar as soon as the page read it.
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);

  const search = await login(page, app.url, 'cavatore', '1234');
  await page.keyboard.type(papay);
  await page.keyboard.press('Enter');

  // One account for a Pa-Pay code: it opens directly, with the surname reduced to its initial.
  const account = page.getByRole('region', { name: 'Conto aperto' });
  await expect(account.getByRole('heading', { level: 2 })).toHaveText(`${name} ${surname[0]!.toUpperCase()}.`);
  await expect(page.getByRole('main')).not.toContainText(surname);
  await expect(page.getByRole('main')).not.toContainText(childCf);
  await expect(search).toBeFocused();
  const before = centsOf((await account.getByTestId('balance').textContent()) ?? '');

  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog', { name: /^Ricarica/ });
  await expect(dialog.getByLabel('Importo in euro')).toBeFocused();
  await page.keyboard.type('20');
  await page.keyboard.press('Alt+c');
  await expect(dialog.getByLabel('Importo in euro')).toHaveValue('20');
  await expect(dialog.getByRole('radio', { name: 'Contanti (Alt+C)' })).toBeChecked();
  await expect(dialog.getByText(/senza codice fiscale il pagamento non può andare nel 730/i)).toBeVisible();
  await page.keyboard.press('Enter');

  await expect(dialog.getByText('Ricarica registrata.')).toBeVisible();
  await expect(dialog.getByTestId('new-balance')).toHaveText(formatEuro(before + 2000));
  const receiptNo = (await dialog.getByTestId('receipt-no').textContent()) ?? '';
  expect(receiptNo).not.toBe('');
  const receipt = dialog.getByRole('document', { name: 'Testo della ricevuta' });
  await expect(receipt).toContainText(receiptNo);
  await expect(receipt).toContainText('20,00');
  await expect(dialog.getByText('Nessuna stampante configurata')).toBeVisible();

  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(search).toBeFocused();
  await expect(account.getByTestId('balance')).toHaveText(formatEuro(before + 2000));
  await expect(account.getByRole('row').filter({ hasText: receiptNo })).toContainText('Ricarica in contanti');

  // A pharmacy may not look children up by codice fiscale: the field says why and keeps the text for retyping.
  expect(await isAllSelected(search)).toBe(true);
  await page.keyboard.type(childCf);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(searchRefusedMessage());
  await expect(search).toBeFocused();
  expect(await isAllSelected(search)).toBe(true);
});
