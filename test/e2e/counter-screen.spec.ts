import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { screenshot } from './screens';
import { centsOf, login, openFirstResult, topUpInCash } from './steps';
import { formatCents } from '../../shared/money';

/** The largest font size among the visible elements of a region, and the one that has it. */
async function largestText(region: Locator): Promise<{ testId: string | null; size: number }> {
  return region.evaluate((root) => {
    let best = { testId: null as string | null, size: 0 };
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
      if (!el.textContent?.trim() || el.offsetParent === null) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size > best.size) best = { testId: el.dataset.testid ?? null, size };
    }
    return best;
  });
}

/** How many options of the list lie wholly inside the window, with no scrolling. */
async function optionsInView(page: Page, list: Locator): Promise<number> {
  const height = page.viewportSize()?.height ?? 0;
  const boxes = await list.getByRole('option').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom));
  return boxes.filter((bottom) => bottom <= height).length;
}

test('sportello: la ricerca perdona e distingue i bambini, il saldo viene prima', async ({ page, app }) => {
  const [apostrophe] = app.query<{ surname: string; n: number }>(
    `SELECT surname, COUNT(*) AS n FROM children WHERE surname LIKE '%''%' GROUP BY surname ORDER BY n DESC LIMIT 1`,
  );
  expect(apostrophe).toBeDefined();
  const search = await login(page, app.url, 'sportello1', '2468');

  // Typed without the apostrophe, in capitals: still found.
  await page.keyboard.type(apostrophe!.surname.replace(/'/g, '').toUpperCase());
  await page.keyboard.press('Enter');
  const results = page.getByRole('listbox', { name: 'Risultati della ricerca' });
  await expect(results.getByRole('option').first()).toContainText(apostrophe!.surname);

  // A short start: the real total, a dozen lines in view at 1366x768, each with birth date and adulto.
  await search.fill('ric');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /bambini trovati/ })).toContainText(
    /^\d+ bambini trovati, in elenco i primi 20: Pag↓ per gli altri\./,
  );
  expect(await optionsInView(page, results)).toBeGreaterThanOrEqual(12);
  await expect(results.getByRole('option').first()).toContainText(/nato\/a \d{2}\/\d{2}\/\d{4}/);
  await expect(results.getByRole('option').first()).toContainText(/adulto: \S+/);
  await screenshot(page, 'search-results-after');

  // Nothing found: the message says what to try.
  await search.fill('zzqx');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Prova con le prime lettere del solo cognome');

  // The account: the balance is the largest text; a top-up shows what it did, where the eye is.
  const account = await openFirstResult(page, search, 'ric');
  expect((await largestText(account)).testId).toBe('balance');
  await expect(account.getByTestId('central-balance')).toContainText(/saldo del servizio centrale (al|non)/);
  const before = centsOf((await account.getByTestId('balance').textContent()) ?? '');

  await topUpInCash(page, '20');
  await expect(account.getByTestId('balance-change')).toHaveText(`+ 20,00 EUR → ${formatCents(before + 2000)} EUR`);
  await expect(account).toContainText('non ha ancora contato');
  const last = account.getByTestId('operation-row').first();
  await expect(last).toContainText('ultima operazione');
  await expect(last).toContainText('da inviare');
  await expect(account.getByTestId('operation-row').nth(1)).not.toContainText('ultima operazione');
  await screenshot(page, 'account-after');
});

test.describe('farmacia', () => {
  test.use({ counter: 'FAR-CAVATORE' });

  test('farmacia: il saldo viene prima, senza data di nascita né adulto', async ({ page, app }) => {
    const [child] = app.query<{ papay_code: string; birth_date: string | null }>(
      `SELECT a.papay_code, c.birth_date FROM accounts a JOIN children c ON c.id = a.child_id ORDER BY a.papay_code LIMIT 1`,
    );
    await login(page, app.url, 'cavatore', '1234');
    await page.keyboard.type(child!.papay_code);
    await page.keyboard.press('Enter');
    const account = page.getByRole('region', { name: 'Conto aperto' });
    await expect(account.getByTestId('balance')).toBeVisible();
    expect((await largestText(account)).testId).toBe('balance');
    await expect(account).not.toContainText('nato/a');
    await expect(account).not.toContainText('adulto di riferimento');
    await screenshot(page, 'pharmacy-account-after');
  });
});
