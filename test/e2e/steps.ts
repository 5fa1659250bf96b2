import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Logs in by keyboard as a counter operator would, and waits for the search field to take the focus. */
export async function login(page: Page, url: string, operator: string, pin: string): Promise<Locator> {
  await page.goto(url);
  const operatorField = page.getByLabel('Codice operatore');
  await expect(operatorField).toBeFocused();
  await page.keyboard.type(operator);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('PIN')).toBeFocused();
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  const search = page.getByRole('combobox', { name: /^Cerca/ });
  await expect(search).toBeFocused();
  return search;
}

/** "€ 1.234,56" or "€ -17,50" -> cents. */
export function centsOf(text: string): number {
  const m = /(-?)([\d.]+),(\d{2})/.exec(text);
  if (!m) throw new Error(`importo non trovato in "${text}"`);
  const cents = Number(m[2]!.replace(/\./g, '')) * 100 + Number(m[3]);
  return m[1] === '-' ? -cents : cents;
}

/** True when the whole text of the field is selected, so the next scan replaces it. */
export async function isAllSelected(field: Locator): Promise<boolean> {
  return field.evaluate((el) => {
    const input = el as HTMLInputElement;
    return input.value.length > 0 && input.selectionStart === 0 && input.selectionEnd === input.value.length;
  });
}

/** Searches by name from the search field and opens the first result: the account's region, its balance shown. */
export async function openFirstResult(page: Page, search: Locator, query: string): Promise<Locator> {
  await search.fill(query);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('listbox', { name: 'Risultati della ricerca' }).getByRole('option').first(),
  ).toBeVisible();
  await page.keyboard.press('Enter');
  const account = page.getByRole('region', { name: 'Conto aperto' });
  await expect(account.getByTestId('balance')).toBeVisible();
  return account;
}

/**
 * F2 on the open account, the amount in cash, Enter, and Enter again to close the result;
 * `check` runs at its two stages (the amount to type, the result) before Enter closes it.
 */
export async function topUpInCash(
  page: Page,
  euros: string,
  check: (stage: 'amount' | 'recorded') => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  await page.keyboard.press('F2');
  const topup = page.getByRole('dialog', { name: /^Ricarica/ });
  await expect(topup.getByLabel('Importo in euro')).toBeFocused();
  await check('amount');
  await page.keyboard.type(euros);
  await page.keyboard.press('Enter');
  await openTillIfAsked(page, topup);
  await expect(topup.getByTestId('new-balance')).toBeVisible();
  await check('recorded');
  await page.keyboard.press('Enter');
  await expect(topup).toBeHidden();
}

/**
 * The demo counters take money only inside an open till session: the first top-up of a test asks to
 * open it, in the same dialog, and records the top-up right after. Invio accepts the proposed float.
 * Does nothing when the session is already open (the top-up was recorded at once).
 */
export async function openTillIfAsked(page: Page, dialog: Locator): Promise<void> {
  const asked = dialog.getByRole('button', { name: /^Apri la cassa e registra/ });
  const recorded = dialog.getByTestId('new-balance');
  await expect(asked.or(recorded).first()).toBeVisible();
  if (await recorded.isVisible()) return;
  await expect(dialog.getByRole('status').first()).toContainText('La cassa non è aperta');
  await page.keyboard.press('Enter');
}
