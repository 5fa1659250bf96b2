import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { counterWithPrinter, lastPrinted, leave } from './printerCounter';
import { centsOf, isAllSelected, login, topUpInCash } from './steps';

const SUPERVISOR = { code: 'supervisore', pin: 'carrara-1357' };

test('cassa allo sportello: apertura con fondo, due ricariche e uno storno, chiusura alla cieca con ammanco di 5 € approvato, rapporto Z stampato', async ({
  page,
}) => {
  const c = await counterWithPrinter('SE1');
  try {
    const search = await login(page, c.url, 'sportello1', '2468');

    // F7: the till is closed; Alt+A opens it with the float counted by denomination (Tab to the next one).
    await page.keyboard.press('F7');
    const view = page.getByRole('region', { name: 'Cassa' });
    await expect(view.getByTestId('till-state')).toContainText('Cassa chiusa');
    await page.keyboard.press('Alt+A');
    const opening = page.getByRole('dialog', { name: 'Apertura della cassa' });
    await expect(opening.getByLabel('Fondo cassa: pezzi da 500 €')).toBeFocused();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    await expect(opening.getByLabel('Fondo cassa: pezzi da 20 €')).toBeFocused();
    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('5');
    await expect(opening.getByTestId('count-total')).toContainText('150,00');
    await expectAccessible(page, 'apertura della cassa');
    await page.keyboard.press('Enter');
    await expect(opening).toBeHidden();
    await expect(view.getByTestId('till-state')).toContainText('fondo cassa');
    await expect(view.getByTestId('till-state')).toContainText('150,00');
    await expectAccessible(page, 'cassa aperta');

    // Two cash top-ups (20 and 15 €) on one account, then the second voided by a supervisor.
    await page.keyboard.press('Escape');
    await expect(search).toBeFocused();
    await page.keyboard.type(c.papay);
    await page.keyboard.press('Enter');
    const account = page.getByRole('region', { name: 'Conto aperto' });
    await expect(account.getByTestId('balance')).toBeVisible();
    await topUpInCash(page, '20');
    await topUpInCash(page, '15');
    // F4 takes back the selected operation: wait until the list shows the 15 € one first and chosen.
    const newest = account.getByTestId('operation-row').first();
    await expect(newest).toContainText('15,00');
    await expect(newest).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('F4');
    const voidDialog = page.getByRole('dialog', { name: /^Storno/ });
    await expect(voidDialog.getByLabel('Codice supervisore')).toBeFocused();
    await page.keyboard.type(SUPERVISOR.code);
    await page.keyboard.press('Tab');
    await page.keyboard.type(SUPERVISOR.pin);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Importo sbagliato');
    await page.keyboard.press('Control+Enter');
    await expect(voidDialog.getByText('Storno registrato.')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(voidDialog).toBeHidden();

    // The blind close: 150 € float + 20 € = 170 € expected; the operator counts 165 € (5 € short).
    const jobsBefore = c.printer.jobs().length;
    await page.keyboard.press('F7');
    await expect(view.getByTestId('till-state')).toContainText('Cassa aperta');
    await page.keyboard.press('Alt+Z');
    const closing = page.getByRole('dialog', { name: 'Chiusura della cassa' });
    await expect(closing.getByLabel('Contanti contati: pezzi da 500 €')).toBeFocused();
    // Nothing expected is on screen before the count is sent.
    await expect(closing).not.toContainText('Atteso');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await page.keyboard.type('3'); // 3 x 50 €
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1'); // 1 x 10 €
    await page.keyboard.press('Tab');
    await page.keyboard.type('1'); // 1 x 5 €
    await expect(closing.getByTestId('count-total')).toContainText('165,00');
    for (let i = 0; i < 9; i++) await page.keyboard.press('Tab'); // the eight coins, then the POS total
    await expect(closing.getByLabel('Totale carte del POS in euro')).toBeFocused();
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');

    const cash = closing.getByTestId('reckon-cash');
    await expect(cash).toContainText('ammanco di');
    expect(centsOf((await cash.getByRole('cell').nth(1).textContent()) ?? '')).toBe(16_500);
    expect(centsOf((await cash.getByRole('cell').nth(2).textContent()) ?? '')).toBe(17_000);
    await expectAccessible(page, 'chiusura: conti attesi');
    const note = closing.getByLabel('Nota sulla differenza (obbligatoria)');
    await expect(note).toBeFocused();
    await page.keyboard.type('Resto sbagliato a un genitore');
    // 5 € is above the demo threshold (2 €): without the supervisor the close is refused, nothing closes.
    await page.keyboard.press('Control+Enter');
    await expect(closing.getByRole('alert')).toContainText('supervisore');
    await closing.getByLabel('Codice supervisore').focus();
    await page.keyboard.type(SUPERVISOR.code);
    await page.keyboard.press('Tab');
    await page.keyboard.type(SUPERVISOR.pin);
    await page.keyboard.press('Control+Enter');

    const zNo = closing.getByTestId('z-no');
    await expect(zNo).toHaveText(/^SE1\/\d{4}\/Z0001$/);
    const zNumber = (await zNo.textContent()) ?? '';
    await expect(closing.getByRole('document', { name: 'Testo della chiusura (rapporto Z)' })).toContainText(
      'Resto sbagliato a un genitore',
    );
    await expectAccessible(page, 'chiusura: rapporto Z');

    // The Z report came out of the receipt printer: decoded from its bytes.
    const z = await lastPrinted(c.printer, jobsBefore + 1);
    expect(z).toContain(zNumber);
    expect(z).toMatch(/Fondo cassa/);
    expect(z).toMatch(/ammanco di € 5,00/);
    expect(z).toContain('Resto sbagliato a un genitore');
    expect(z).toMatch(/Approvata da: .*\(supervisore\)/);

    await page.keyboard.press('Enter');
    await expect(closing).toBeHidden();
    await expect(view.getByTestId('till-state')).toContainText(`Ultima chiusura: n. ${zNumber}`);

    // Closed: a top-up now asks to open the till first, in its own dialog, and is recorded right after.
    await page.keyboard.press('Escape');
    await expect(search).toBeFocused();
    await page.keyboard.type(c.papay);
    await page.keyboard.press('Enter');
    await expect(account.getByTestId('balance')).toBeVisible();
    // The account is open again once the search has selected its code for the next scan.
    await expect.poll(() => isAllSelected(search)).toBe(true);
    await page.keyboard.press('F2');
    const topup = page.getByRole('dialog', { name: /^Ricarica/ });
    await expect(topup.getByLabel('Importo in euro')).toBeFocused();
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await expect(topup.getByRole('status').first()).toContainText('La cassa non è aperta');
    // The proposed float is what the last close counted (165 €).
    await expect(topup.getByTestId('count-total')).toContainText('165,00');
    await page.keyboard.press('Enter');
    await expect(topup.getByTestId('new-balance')).toBeVisible();
  } finally {
    await leave(page, c);
  }
});

test('cassa in farmacia: nessun fondo, la chiusura è il prospetto degli incassi confermato dal farmacista', async ({
  page,
}) => {
  const c = await counterWithPrinter('FAR-CAVATORE');
  try {
    const search = await login(page, c.url, 'cavatore', '1234');
    await page.keyboard.type(c.papay);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Conto aperto' }).getByTestId('balance')).toBeVisible();
    // The first top-up of the day opens the Comune's session (nothing to count) and is then recorded.
    await topUpInCash(page, '20');
    await page.keyboard.press('Escape');
    await expect(search).toBeFocused();

    await page.keyboard.press('F7');
    const view = page.getByRole('region', { name: 'Cassa' });
    await expect(view.getByTestId('till-state')).toContainText('senza fondo');
    await page.keyboard.press('Alt+Z');
    const closing = page.getByRole('dialog', { name: 'Chiusura degli incassi del Comune' });
    await expect(closing.getByLabel('Totale carte del POS in euro')).toBeFocused();
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    await expect(closing.getByTestId('reckon-card')).toContainText('pari');
    // Without the pharmacist's confirmation nothing closes.
    await page.keyboard.press('Control+Enter');
    await expect(closing.getByRole('alert')).toContainText('farmacista');
    const confirm = closing.getByRole('checkbox', { name: /Confermo come farmacista/ });
    await confirm.focus();
    await page.keyboard.press('Space');
    await expect(confirm).toBeChecked();
    await expectAccessible(page, 'chiusura in farmacia');
    await page.keyboard.press('Control+Enter');
    await expect(closing.getByTestId('z-no')).toHaveText(/^FAR-CAVATORE\/\d{4}\/Z0001$/);
    const z = await lastPrinted(c.printer, c.printer.jobs().length);
    expect(z).toContain('Confermato dal farmacista');
    expect(z).toContain('Firma del farmacista');
    expect(z).not.toContain('Fondo cassa');
  } finally {
    await leave(page, c);
  }
});
