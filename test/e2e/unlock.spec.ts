import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { login } from './steps';

/**
 * Issue 13 item 11: a supervisor lifts an operator's lock from Impostazioni (Ctrl+Maiusc+U, then
 * Alt+B), by keyboard; the locked operator reads where to ask, and logs in again afterwards.
 */
test('un supervisore sblocca da Impostazioni un operatore bloccato per PIN errati', async ({ page, app }) => {
  await page.goto(app.url);
  const operatorField = page.getByLabel('Codice operatore');
  const pinField = page.getByLabel('PIN');
  await expect(operatorField).toBeFocused();
  await page.keyboard.type('sportello1');
  const refusals = () =>
    app.query<{ n: number }>(`SELECT count(*) AS n FROM audit WHERE action = 'credentials.refused'`)[0]!.n;
  for (let i = 1; i <= 5; i++) {
    await pinField.fill('0000');
    await pinField.press('Enter');
    // Each refusal answered before the next try (the same message stays on screen).
    await expect.poll(refusals).toBe(i);
  }
  await expect(page.getByRole('alert')).toContainText(
    'Un supervisore può sbloccarlo (Impostazioni: Ctrl+Maiusc+U, poi Alt+B).',
  );
  // The right PIN too is refused while locked.
  await pinField.fill('2468');
  await pinField.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Operatore bloccato per troppi PIN errati');

  await login(page, app.url, 'supervisore', 'carrara-1357');
  await page.keyboard.press('Control+Shift+U');
  const settings = page.getByRole('region', { name: 'Impostazioni' });
  await expect(settings).toBeFocused();
  await page.keyboard.press('Alt+B');
  const code = settings.getByRole('textbox', { name: "Codice dell'operatore da sbloccare" });
  await expect(code).toBeFocused();
  // Someone who is not locked: the core says so, nothing changes.
  await page.keyboard.type('supervisore2');
  await page.keyboard.press('Enter');
  await expect(settings.getByRole('alert')).toHaveText("L'operatore supervisore2 non è bloccato.");
  await code.fill('sportello1');
  await page.keyboard.press('Enter');
  await expect(settings.getByRole('status')).toHaveText(
    'Operatore sportello1 (Francesca Lazzerini) sbloccato: può accedere di nuovo.',
  );
  await expectAccessible(page, 'impostazioni, operatore sbloccato');
  const audit = app.query<{ operator_code: string; detail: string }>(
    `SELECT operator_code, detail FROM audit WHERE action = 'operator.unlocked'`,
  );
  expect(audit.map((a) => [a.operator_code, (JSON.parse(a.detail) as { operator: string }).operator])).toEqual([
    ['supervisore', 'sportello1'],
  ]);

  await page.keyboard.press('Escape');
  await expect(page.getByRole('combobox', { name: /^Cerca/ })).toBeFocused();
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByLabel('Codice operatore')).toBeFocused();
  await login(page, app.url, 'sportello1', '2468');
});
