import { SERVICE_LABELS, type Service } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { expectAccessible } from './axe';
import { screenshot } from './screens';
import { expect, test } from './fixtures';
import { centsOf, isAllSelected, login, topUpInCash } from './steps';

interface FamilyRow {
  family_id: string;
  parent_cf: string;
  parent: string;
}

test.describe('front office', () => {
  test('sportello: la famiglia in una schermata, da tastiera, a 1366x768 senza scorrere la pagina', async ({
    page,
    app,
  }) => {
    // A family of the demo data with three children, each with two services.
    const [fam] = app.query<FamilyRow>(
      `SELECT f.id AS family_id, f.fiscal_code AS parent_cf, f.name || ' ' || f.surname AS parent
         FROM families f JOIN children c ON c.family_id = f.id JOIN accounts a ON a.child_id = c.id
        GROUP BY f.id HAVING COUNT(DISTINCT c.id) = 3 AND COUNT(a.id) = 6 ORDER BY f.id LIMIT 1`,
    );
    expect(fam).toBeDefined();
    const accounts = app.query<{ papay_code: string; service: Service; name: string; surname: string }>(
      `SELECT a.papay_code, a.service, c.name, c.surname FROM accounts a JOIN children c ON c.id = a.child_id
        WHERE c.family_id = ? ORDER BY c.birth_date, c.surname, c.name, c.id, a.service`,
      fam!.family_id,
    );
    expect(accounts).toHaveLength(6);

    const search = await login(page, app.url, 'sportello1', '2468');
    // The adulto di riferimento's codice fiscale opens the family: the parent, every child, every account.
    await page.keyboard.type(fam!.parent_cf);
    await page.keyboard.press('Enter');
    const family = page.getByRole('region', { name: 'Famiglia' });
    await expect(family.getByTestId('family-parent')).toHaveText(
      `Adulto di riferimento: ${fam!.parent} · C.F. ${fam!.parent_cf}`,
    );
    const tiles = family.getByRole('option');
    await expect(tiles).toHaveCount(6);
    await expect(family.getByRole('group')).toHaveCount(3);
    await expect(family.getByTestId('family-papay')).toHaveText(accounts.map((a) => a.papay_code));
    for (const tile of await tiles.all()) {
      await expect(tile.getByTestId('family-as-of')).toHaveText(/^saldo (al \d\d\/\d\d\/\d{4} \d\d:\d\d|centrale)/);
    }
    const account = page.getByRole('region', { name: 'Conto aperto' });
    await expect(tiles.first()).toHaveAttribute('aria-selected', 'true');
    await expect(account.getByTestId('papay-code')).toHaveText(accounts[0]!.papay_code);
    await expect(search).toBeFocused();
    expect(await isAllSelected(search)).toBe(true);

    // Readable at 1366x768 with nothing to scroll: neither the page nor the family's column.
    const fits = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const column = document.querySelector('[data-testid="family-column"]')!;
      return {
        page: document.documentElement.scrollHeight <= window.innerHeight,
        main: main.scrollHeight <= main.clientHeight,
        family: column.scrollHeight <= column.clientHeight,
      };
    });
    expect(fits).toEqual({ page: true, main: true, family: true });
    await expectAccessible(page, 'la famiglia');
    await expect(page.getByRole('list', { name: 'Tasti rapidi' })).toContainText('scegli conto della famiglia');

    // The arrows move between the accounts; the open account follows, and the keys act on it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const chosen = accounts[3]!;
    await expect(tiles.nth(3)).toHaveAttribute('aria-selected', 'true');
    await expect(account.getByTestId('papay-code')).toHaveText(chosen.papay_code);
    await expect(account.getByRole('heading', { level: 2 })).toHaveText(`${chosen.name} ${chosen.surname}`);
    await expect(search).toHaveAttribute('aria-activedescendant', 'family-account-3');
    const before = centsOf((await tiles.nth(3).getByTestId('family-balance').textContent()) ?? '');
    await topUpInCash(page, '20');
    // The tile shows the new balance, the part the central has not counted yet and the movement.
    await expect(tiles.nth(3).getByTestId('family-balance')).toHaveText(formatEuro(before + 2_000));
    await expect(tiles.nth(3).getByTestId('family-pending')).toHaveText(
      `+ ${formatEuro(2_000)} di questo sportello, non ancora al centrale`,
    );
    await expect(tiles.nth(3).getByTestId('family-movement').first()).toContainText(
      `Ricarica in contanti${formatEuro(2_000)}`,
    );
    await expect(tiles.nth(3)).toHaveAttribute('aria-selected', 'true');
    await expect(account.getByTestId('balance')).toHaveText(formatEuro(before + 2_000));
    await screenshot(page, 'family-after');

    // Alt+E: the statement of the account chosen in the family.
    await page.keyboard.press('Alt+e');
    const statement = page.getByRole('dialog', { name: /^Estratto conto/ });
    await expect(statement).toContainText(chosen.papay_code);
    await expect(statement).toContainText(SERVICE_LABELS[chosen.service]);
    await page.keyboard.press('Escape');
    await expect(statement).toBeHidden();
    await expect(search).toBeFocused();

    // Invio: into the account's operations (the arrows choose one); Esc: back to the family.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('list', { name: 'Tasti rapidi' })).toContainText('torna alla famiglia');
    await expect(search).toHaveAttribute('aria-activedescendant', /^operation-/);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('list', { name: 'Tasti rapidi' })).toContainText('scegli conto della famiglia');
    await page.keyboard.press('ArrowUp');
    await expect(tiles.nth(2)).toHaveAttribute('aria-selected', 'true');
    await expect(account.getByTestId('papay-code')).toHaveText(accounts[2]!.papay_code);
    // F1 lists the family's keys.
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Tasti di questa schermata' });
    await expect(help).toContainText('scegli conto della famiglia');
    await expect(help).toContainText('operazioni del conto');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    // Esc closes the family; the field stays for the next code.
    await expect(search).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(family).toBeHidden();
    await expect(account).toBeHidden();

    // A child's name: the list first, then Invio opens the family on that child's account.
    await page.keyboard.type(`${chosen.surname} ${chosen.name}`);
    await page.keyboard.press('Enter');
    const results = page.getByRole('listbox', { name: 'Risultati della ricerca' });
    // The list of this search (not one still arriving) before the arrows are counted.
    await expect(results.getByRole('option').filter({ hasText: chosen.papay_code })).toHaveCount(1);
    const texts = await results.getByRole('option').allTextContents();
    const index = texts.findIndex((t) => t.includes(chosen.papay_code));
    expect(index).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await expect(results.getByRole('option').nth(index)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(account.getByTestId('papay-code')).toHaveText(chosen.papay_code);
    await expect(tiles).toHaveCount(6);
    await expect(tiles.nth(3)).toHaveAttribute('aria-selected', 'true');
  });
});

test.describe('pharmacy', () => {
  test.use({ counter: 'FAR-CAVATORE' });

  test('farmacia: il codice Pa-Pay mostra solo il suo conto, mai la famiglia', async ({ page, app }) => {
    // A child with two services: the pharmacy is shown the one whose code was typed, and nothing else.
    const [child] = app.query<{ child_id: string; papay_code: string; other: string }>(
      `SELECT a.child_id, MIN(a.papay_code) AS papay_code, MAX(a.papay_code) AS other
         FROM accounts a GROUP BY a.child_id HAVING COUNT(*) >= 2 ORDER BY a.child_id LIMIT 1`,
    );
    expect(child).toBeDefined();
    const search = await login(page, app.url, 'cavatore', '1234');
    await page.keyboard.type(child!.papay_code);
    await page.keyboard.press('Enter');
    const account = page.getByRole('region', { name: 'Conto aperto' });
    await expect(account.getByTestId('papay-code')).toHaveText(child!.papay_code);
    await expect(search).toBeFocused();
    await expect(page.getByRole('region', { name: 'Famiglia' })).toHaveCount(0);
    await expect(page.getByRole('main')).not.toContainText(child!.other);
    // The arrows choose an operation of this account, as before; Esc closes it.
    await expect(page.getByRole('list', { name: 'Tasti rapidi' })).toContainText('scegli operazione');
    await expect(page.getByRole('list', { name: 'Tasti rapidi' })).not.toContainText('famiglia');
    await page.keyboard.press('Escape');
    await expect(account).toBeHidden();
  });
});
