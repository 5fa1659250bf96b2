import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { login, openFirstResult, topUpInCash } from './steps';

/** Every screen and dialog of both counter kinds, checked with axe-core against WCAG 2.1 AA. */

test('sportello: ogni schermata e finestra senza violazioni WCAG 2.1 AA gravi', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByLabel('Codice operatore')).toBeFocused();
  await expectAccessible(page, 'accesso');

  const search = await login(page, app.url, 'sportello1', '2468');
  await expectAccessible(page, 'ricerca vuota');

  await page.keyboard.type('ric');
  await page.keyboard.press('Enter');
  const results = page.getByRole('listbox', { name: 'Risultati della ricerca' });
  await expect(results.getByRole('option').first()).toBeVisible();
  await expectAccessible(page, 'risultati');

  await search.fill('zzqx');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page, 'nessun risultato');

  const account = await openFirstResult(page, search, 'ric');
  await expectAccessible(page, 'conto aperto');

  await topUpInCash(page, '20', (stage) =>
    expectAccessible(page, stage === 'amount' ? 'ricarica' : 'ricarica registrata'),
  );
  await expect(account.getByTestId('balance-change')).toBeVisible();
  await expectAccessible(page, 'conto dopo la ricarica');

  await page.keyboard.press('F4');
  const voidDialog = page.getByRole('dialog', { name: /^Storno/ });
  await expect(voidDialog.getByLabel('Codice supervisore')).toBeFocused();
  await expectAccessible(page, 'storno');
  await page.keyboard.press('Escape');
  await expect(voidDialog).toBeHidden();

  await page.keyboard.press('F8');
  const receipts = page.getByRole('table', { name: /^Elenco ricevute/ });
  await expect(receipts).toBeFocused();
  await expectAccessible(page, 'ricevute');
  await page.keyboard.press('Enter');
  const reprint = page.getByRole('dialog', { name: /^Ristampa ricevuta/ });
  await expect(reprint).toBeVisible();
  await expectAccessible(page, 'ristampa');
  await page.keyboard.press('Escape');
  await expect(reprint).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(search).toBeFocused();

  await page.keyboard.press('F9');
  await expect(page.getByRole('table', { name: 'Incassi per metodo' })).toBeVisible();
  await expectAccessible(page, 'riepilogo del giorno');
  await page.keyboard.press('Escape');
  await expect(search).toBeFocused();

  await page.keyboard.press('F3');
  await expect(page.getByLabel(/^Cerca avviso/)).toBeFocused();
  await expectAccessible(page, 'avvisi pagoPA');
  await page.keyboard.press('Escape');
  await expect(search).toBeFocused();

  await page.keyboard.press('F5');
  await expect(page.getByLabel("Codice fiscale dell'adulto di riferimento")).toBeVisible();
  await expectAccessible(page, 'nuova iscrizione');
});

test.describe('farmacia', () => {
  test.use({ counter: 'FAR-CAVATORE' });

  test('farmacia: ogni schermata e finestra senza violazioni WCAG 2.1 AA gravi', async ({ page, app }) => {
    const [child] = app.query<{ papay_code: string }>(`SELECT papay_code FROM accounts ORDER BY papay_code LIMIT 1`);
    await page.goto(app.url);
    await expect(page.getByLabel('Codice operatore')).toBeFocused();
    await expectAccessible(page, 'accesso (farmacia)');
    const search = await login(page, app.url, 'cavatore', '1234');
    await expectAccessible(page, 'ricerca (farmacia)');

    await page.keyboard.type(child!.papay_code);
    await page.keyboard.press('Enter');
    const account = page.getByRole('region', { name: 'Conto aperto' });
    await expect(account.getByTestId('balance')).toBeVisible();
    await expectAccessible(page, 'conto aperto (farmacia)');

    await topUpInCash(page, '20', (stage) =>
      expectAccessible(page, stage === 'amount' ? 'ricarica (farmacia)' : 'ricarica registrata (farmacia)'),
    );

    await page.keyboard.press('F8');
    await expect(page.getByRole('table', { name: /^Elenco ricevute/ })).toBeFocused();
    await expectAccessible(page, 'ricevute (farmacia)');
    await page.keyboard.press('Escape');
    await expect(search).toBeFocused();

    await page.keyboard.press('F9');
    await expect(page.getByRole('table', { name: 'Incassi per metodo' })).toBeVisible();
    await expectAccessible(page, 'riepilogo del giorno (farmacia)');
    await page.keyboard.press('Escape');
    await expect(search).toBeFocused();

    await page.keyboard.press('F3');
    await expect(page.getByLabel(/^Cerca avviso/)).toBeFocused();
    await expectAccessible(page, 'avvisi pagoPA (farmacia)');
  });
});
