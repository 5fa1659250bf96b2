import { expect, test } from './fixtures';
import { login } from './steps';

test('supervisore: rapporti per la Ragioneria da tastiera, periodo sbagliato rifiutato, PDF e CSV salvati', async ({
  page,
  app,
}) => {
  const search = await login(page, app.url, 'supervisore', 'carrara-1357');
  await page.keyboard.press('Control+Shift+E');
  const view = page.getByRole('region', { name: 'Rapporti per la Ragioneria' });
  await expect(view).toBeVisible();
  // Rapporto (default: incassi per periodo), then Dal and Al by Tab.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Dal')).toBeFocused();
  await page.keyboard.type('30/11/2026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('01/11/2026');
  await page.keyboard.press('Enter');
  await expect(view.getByRole('alert')).toContainText('successiva');
  await expect(view.getByRole('table', { name: 'Per sportello' })).toBeHidden();

  await page.getByLabel('Dal').fill('01/01/2026');
  await page.getByLabel('Dal').focus();
  await page.keyboard.press('Enter');
  await expect(view.getByRole('table', { name: 'Per sportello' })).toBeVisible();
  await expect(view.getByRole('table', { name: 'Per giorno' })).toBeVisible();
  await page.keyboard.press('Control+Shift+P');
  await expect(view.getByText(/Salvato/)).toContainText('.csv');

  await page.keyboard.press('Escape');
  await expect(search).toBeFocused();
});
