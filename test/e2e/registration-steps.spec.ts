import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { screenshot } from './screens';
import { login } from './steps';

/**
 * Issue 15 item 5: the registration form in steps, each on one 1366x768 screen with no page to
 * scroll; Invio walks from one step into the next, Pag↓ and Pag↑ jump between them, F1 lists the keys.
 */

/** The step on screen: its name, and whether all of it lies inside the form's frame with nothing scrolled. */
async function stepOnScreen(page: Page): Promise<{ title: string; fits: boolean; overflow: number }> {
  const title = (await page.locator('[aria-current="step"]').textContent()) ?? '';
  const measure = await page.getByTestId('form-pages').evaluate((frame) => {
    const box = frame.getBoundingClientRect();
    const focused = document.activeElement?.closest('[data-form-page]');
    const step = focused ?? frame.querySelector('[data-form-page]');
    const rects = Array.from(step?.querySelectorAll('*') ?? [])
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.height > 0);
    const top = Math.min(...rects.map((r) => r.top));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    const scroller = document.scrollingElement ?? document.documentElement;
    const main = document.querySelector('main');
    return {
      fits: top >= box.top - 1 && bottom <= box.bottom + 1,
      // The window and the main area scroll nothing: the step is all there is.
      overflow:
        Math.max(0, scroller.scrollHeight - window.innerHeight) +
        Math.max(0, (main?.scrollHeight ?? 0) - (main?.clientHeight ?? 0)),
    };
  });
  return { title, ...measure };
}

test('sportello: la nuova iscrizione a passi, ciascuno in una schermata 1366x768', async ({ page, app }) => {
  await login(page, app.url, 'sportello1', '2468');
  await page.keyboard.press('F5');
  const form = page.getByRole('form', { name: 'Nuova iscrizione' });
  const parentCf = form.getByLabel("Codice fiscale dell'adulto di riferimento");
  await expect(parentCf).toBeFocused();
  expect(await stepOnScreen(page)).toEqual({ title: '1. Adulto di riferimento', fits: true, overflow: 0 });

  // Invio from the last field of a step goes on into the next one, which comes on screen.
  await form.getByLabel('Email').focus();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('checkbox', { name: /acconsente al trattamento/ })).toBeFocused();
  expect(await stepOnScreen(page)).toEqual({ title: '2. Consenso', fits: true, overflow: 0 });
  await page.keyboard.press('Space');

  await page.keyboard.press('PageDown');
  await expect(form.getByLabel('Codice fiscale del figlio')).toBeFocused();
  expect(await stepOnScreen(page)).toEqual({ title: '3. Figlio 1', fits: true, overflow: 0 });
  // With a service chosen (its tariff shown) the child's step still fits.
  const meals = form.getByRole('group', { name: /^Servizio 1 di/ });
  await meals.getByRole('radio', { name: 'Refezione scolastica' }).focus();
  await page.keyboard.press('Space');
  await expect(meals.getByRole('radio', { name: 'Refezione scolastica' })).toBeChecked();
  expect(await stepOnScreen(page)).toEqual({ title: '3. Figlio 1', fits: true, overflow: 0 });
  await screenshot(page, 'registration-after');

  await page.keyboard.press('PageDown');
  await expect(form.getByRole('button', { name: /^Aggiungi figlio/ })).toBeFocused();
  expect(await stepOnScreen(page)).toEqual({ title: '4. Riepilogo', fits: true, overflow: 0 });

  // Alt+F adds a child: a step of its own, on screen with its codice fiscale ready for the scanner.
  await page.keyboard.press('Alt+F');
  await expect(form.getByRole('region', { name: 'Figlio 2' }).getByLabel('Codice fiscale del figlio')).toBeFocused();
  expect(await stepOnScreen(page)).toEqual({ title: '4. Figlio 2', fits: true, overflow: 0 });

  // Pag↑ back to the first step, one step at a time.
  for (const title of ['3. Figlio 1', '2. Consenso', '1. Adulto di riferimento']) {
    await page.keyboard.press('PageUp');
    await expect(page.locator('[aria-current="step"]')).toHaveText(title);
    expect(await stepOnScreen(page)).toEqual({ title, fits: true, overflow: 0 });
  }

  // A refused registration brings back the step of the field to fix.
  await form.getByRole('region', { name: 'Figlio 2' }).getByLabel('Codice fiscale del figlio').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('registration-error')).toBeVisible();
  await expect(parentCf).toBeFocused();
  await expect(page.locator('[aria-current="step"]')).toHaveText('1. Adulto di riferimento');

  // F1: the form's own keys, the steps' among them.
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Tasti di questa schermata' });
  await expect(help).toContainText('Pag↓ Pag↑');
  await expect(help).toContainText('aggiungi figlio');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(form).toBeVisible();
});
