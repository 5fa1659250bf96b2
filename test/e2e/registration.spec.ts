import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { withCheckCharacter } from '../../shared/codiceFiscale';
import { enrolmentCode, expect, startCentral, startServe, stop, test } from './fixtures';
import { login } from './steps';

/**
 * A family registered at the front office by keyboard only, with the codice fiscale typed as a
 * Tessera Sanitaria scanner types it; the provisional Pa-Pay codes become real ones with the sync,
 * and a pharmacy then finds a child by that code, seeing first name and surname initial only.
 * Real processes: the central emulator with its demo data and two counters in the browser host.
 */

interface Station {
  url: string;
  stop(): Promise<void>;
}

/** Calls the browser host's RPC as the page does (the token comes in the address the host printed). */
async function rpc<T>(stationUrl: string, channel: string, input: unknown): Promise<T> {
  const url = new URL(stationUrl);
  const response = await fetch(`${url.origin}/rpc/${channel}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${url.searchParams.get('token')}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const reply = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!reply.ok) throw new Error(`${channel}: ${reply.error?.message}`);
  return reply.value as T;
}

/**
 * A counter on an empty data folder, activated with a one-time code and through its first sync.
 * The activation screen has its own test (sync.spec.ts): here it is only the setting.
 */
async function startStation(counter: string, centralUrl: string, centralDataDir: string): Promise<Station> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
  const { child, url } = await startServe(dataDir, counter, ['--central', centralUrl]);
  await rpc(url, 'sync.enrol', { code: enrolmentCode(centralDataDir, counter) });
  await expect
    .poll(async () => (await rpc<{ initialSync: { done: boolean } }>(url, 'sync.status', {})).initialSync.done, {
      timeout: 90_000,
      message: `prima sincronizzazione di ${counter}`,
    })
    .toBe(true);
  return {
    url,
    async stop() {
      await stop(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Central {
  url: string;
  dataDir: string;
  /** POSTs to the emulator's admin routes (faults, enrolment codes). */
  admin(route: string, body: unknown): Promise<void>;
}

const familyTest = test.extend<{ central: Central }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  central: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
    let running: ChildProcess | null = null;
    try {
      const started = await startCentral(dataDir, { demo: true, tillOptional: true });
      running = started.child;
      await use({
        url: started.url,
        dataDir,
        async admin(route, body) {
          const response = await fetch(`${started.url}${route}`, { method: 'POST', body: JSON.stringify(body) });
          expect(response.status, `${route}: ${await response.text()}`).toBe(200);
        },
      });
    } finally {
      if (running) await stop(running);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

// Zanzi: a surname the demo data does not use, so every code below is a new person.
const PARENT_CF = withCheckCharacter('ZNZMRA85E02B832'); // Mario Zanzi, M, 2 May 1985, Carrara
const CHILD1_CF = withCheckCharacter('ZNZGLI18C55B832'); // Giulia Zanzi, F, 15 March 2018
const CHILD2_CF = withCheckCharacter('ZNZLCU21A01B832'); // Luca Zanzi, M, 1 January 2021
const OTHER_PARENT_CF = withCheckCharacter('BRTNNA88D45B832'); // Anna Berti, F, 5 April 1988

/** Types as the scanner does: fast, then Invio; waits for the core's answer under the field. */
async function scanFiscalCode(page: Page, field: Locator, code: string, expected: RegExp): Promise<void> {
  await expect(field).toBeFocused();
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(field).toHaveAccessibleDescription(expected);
}

/** The text of a PDF, read back with poppler's pdftotext. */
function pdfText(data: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
  try {
    const file = path.join(dir, 'riepilogo.pdf');
    fs.writeFileSync(file, data);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Tab until the field has the cursor, as an operator skipping fields would. */
async function tabTo(page: Page, field: Locator): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    if (await field.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('campo non raggiunto con Tab');
}

async function typeAndNext(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Picks from a list field: a few letters, Invio takes the highlighted entry, Invio moves on. */
async function choose(page: Page, field: Locator, letters: string, expected: string): Promise<void> {
  await expect(field).toBeFocused();
  await page.keyboard.type(letters);
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue(expected);
  await page.keyboard.press('Enter');
}

familyTest(
  'sportello: famiglia con due figli e tre iscrizioni da tastiera, codici Pa-Pay provvisori poi confermati, la farmacia trova il figlio',
  async ({ page, central, browser }) => {
    familyTest.setTimeout(300_000);
    const [frontOffice, pharmacy] = await Promise.all([
      startStation('SE1', central.url, central.dataDir),
      startStation('FAR-CAVATORE', central.url, central.dataDir),
    ]);
    const pharmacyContext = await browser.newContext();
    try {
      await login(page, frontOffice.url, 'sportello1', '2468');
      await expect(page.getByRole('list', { name: 'Tasti rapidi' })).toContainText('nuova iscrizione');
      await page.keyboard.press('F5');
      const form = page.getByRole('form', { name: 'Nuova iscrizione' });
      await expect(form).toBeVisible();

      // 1. Adulto di riferimento: a wrong check character first, refused in Italian, the cursor stays.
      const parent = form.getByRole('region', { name: 'Adulto di riferimento' });
      const parentCf = parent.getByLabel("Codice fiscale dell'adulto di riferimento");
      await expect(parentCf).toBeFocused();
      const wrong = PARENT_CF.slice(0, 15) + (PARENT_CF.endsWith('A') ? 'B' : 'A');
      await page.keyboard.type(wrong, { delay: 5 });
      await page.keyboard.press('Enter');
      await expect(parent.getByRole('alert')).not.toBeEmpty();
      await expect(parentCf).toBeFocused();
      // Esc with something typed asks first; Esc again goes back to the form, where the cursor was.
      await page.keyboard.press('Escape');
      const leave = page.getByRole('dialog', { name: 'Uscire senza registrare?' });
      await expect(leave).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(leave).toBeHidden();
      await expect(parentCf).toBeFocused();
      await page.keyboard.press('Control+A');
      await scanFiscalCode(page, parentCf, PARENT_CF, /Nuovo adulto di riferimento/);
      await expect(parent.getByLabel('Data di nascita')).toHaveValue('02/05/1985');
      await expect(parent.getByRole('radio', { name: 'M' })).toBeChecked();
      await expect(parent.getByLabel('Cognome')).toBeFocused();
      await typeAndNext(page, 'Zanzi');
      await typeAndNext(page, 'Mario');
      await page.keyboard.press('Enter'); // birth date, from the codice fiscale
      await page.keyboard.press('Enter'); // sex, from the codice fiscale
      await typeAndNext(page, 'Via Roma 12, 54033 Carrara');
      await typeAndNext(page, '0585 123456');
      await typeAndNext(page, 'mario.zanzi@example.it');

      // 2. Consent: Space ticks it.
      const consent = form.getByRole('checkbox', { name: /acconsente al trattamento/ });
      await expect(consent).toBeFocused();
      await page.keyboard.press('Space');
      await expect(consent).toBeChecked();
      await page.keyboard.press('Enter');

      // 3-4. First child: refezione with ISEE, then (Alt+S) trasporto.
      const child1 = form.getByRole('region', { name: 'Figlio 1' });
      await scanFiscalCode(page, child1.getByLabel('Codice fiscale del figlio'), CHILD1_CF, /Nuovo bambino/);
      await expect(child1.getByLabel('Data di nascita')).toHaveValue('15/03/2018');
      await typeAndNext(page, 'Zanzi');
      await typeAndNext(page, 'Giulia');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await choose(page, child1.getByLabel('Scuola'), 'Mazzini', 'Scuola primaria Giuseppe Mazzini');
      const meals1 = child1.getByRole('group', { name: 'Servizio 1 di Giulia' });
      await expect(meals1.getByRole('radio', { name: 'Refezione scolastica' })).toBeFocused();
      await page.keyboard.press('Space');
      await page.keyboard.press('Enter');
      await expect(meals1.getByLabel('Anno scolastico')).toHaveValue('2026/2027');
      await page.keyboard.press('Enter');
      await typeAndNext(page, '12.000');
      await expect(meals1.getByLabel('Data ISEE')).toBeFocused();
      await page.keyboard.type('15/01/2026');
      await expect(meals1).toContainText('Fascia C');
      await expect(meals1).toContainText('€ 3,80');
      await expect(meals1).toContainText('FUORI TERMINE');

      await page.keyboard.press('Alt+S');
      const bus1 = child1.getByRole('group', { name: 'Servizio 2 di Giulia' });
      await expect(bus1.getByRole('radio', { name: 'Refezione scolastica' })).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect(bus1.getByRole('radio', { name: 'Trasporto scolastico' })).toBeChecked();
      await page.keyboard.press('Enter'); // -> anno scolastico
      await page.keyboard.press('Enter'); // -> ISEE (none: top band)
      await page.keyboard.press('Enter'); // -> data ISEE
      await page.keyboard.press('Enter'); // -> linea
      await choose(page, bus1.getByLabel('Linea'), 'Fossola', 'L1 – Linea 1 - Fossola, Avenza');
      await expect(bus1.getByLabel('Fermata')).toBeFocused();
      await page.keyboard.type('Avenza');
      await page.keyboard.press('Enter');
      await expect(bus1.getByLabel('Fermata')).toHaveValue('Avenza, piazza Finelli');
      await expect(bus1).toContainText('€ 40,00');

      // Second child (Alt+F): refezione, with the sibling reduction.
      await page.keyboard.press('Alt+F');
      const child2 = form.getByRole('region', { name: 'Figlio 2' });
      await scanFiscalCode(page, child2.getByLabel('Codice fiscale del figlio'), CHILD2_CF, /Nuovo bambino/);
      await typeAndNext(page, 'Zanzi');
      await typeAndNext(page, 'Luca');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await choose(page, child2.getByLabel('Scuola'), 'infanzia Fossola', "Scuola dell'infanzia Fossola");
      const meals2 = child2.getByRole('group', { name: 'Servizio 1 di Luca' });
      await expect(meals2.getByRole('radio', { name: 'Refezione scolastica' })).toBeFocused();
      await page.keyboard.press('Space');
      await expect(meals2).toContainText('riduzione fratelli 20%');
      await expect(meals2).toContainText('€ 4,16');

      // 5. Recap and Ctrl+Invio.
      await expect(form.getByRole('region', { name: 'Riepilogo' })).toContainText('Luca Zanzi');
      // A slow central service: the registration waits in the queue, its codes provisional, while the test looks.
      await central.admin('/admin/faults', { latency: 8_000 });
      await page.keyboard.press('Control+Enter');
      const result = page.getByRole('region', { name: 'Iscrizione registrata' });
      await expect(result).toBeVisible();
      const rows = result.getByTestId('enrolment-row');
      await expect(rows).toHaveCount(3);
      await expect(result.getByTestId('papay-provisional')).toHaveCount(3);
      for (const code of await result.getByTestId('papay-code').allTextContents()) expect(code).not.toMatch(/^\d{10}$/);
      await expect(rows.filter({ hasText: 'Luca' })).toContainText('FUORI TERMINE');
      // The link to the summary has the cursor: Invio opens it.
      await expect(result.getByTestId('summary-link')).toBeFocused();
      await expect(result.getByTestId('summary-link')).toHaveAttribute('href', /^documents\/iscrizioni\/.+\.pdf$/);

      // The sync sends the registration: the central's real codes replace the provisional ones on screen.
      await expect(page.getByTestId('sync-pending')).toHaveText('1 operazione da inviare');
      await central.admin('/admin/faults', {});
      await page.keyboard.press('Control+Shift+S');
      await expect(result.getByTestId('papay-provisional')).toHaveCount(0, { timeout: 30_000 });
      const codes = await result.getByTestId('papay-code').allTextContents();
      expect(codes).toHaveLength(3);
      for (const code of codes) expect(code).toMatch(/^\d{10}$/);
      await expect(rows.filter({ hasText: 'Giulia' }).first()).toContainText('confermata');
      const lucaMeals = (await rows.filter({ hasText: 'Luca' }).getByTestId('papay-code').textContent()) ?? '';
      expect(lucaMeals).toMatch(/^\d{10}$/);

      // F2 is ricarica elsewhere and does nothing here; Ctrl+P writes the summary again, now with the definitive codes.
      await page.keyboard.press('F2');
      await expect(result.getByRole('status').filter({ hasText: 'codici Pa-Pay definitivi' })).toHaveCount(0);
      await page.keyboard.press('Control+p');
      await expect(result.getByRole('status').filter({ hasText: 'codici Pa-Pay definitivi' })).toBeVisible();
      // The link the operator opens (Tab, Invio) serves that PDF to this logged-in session.
      const summaryLink = result.getByTestId('summary-link');
      await tabTo(page, summaryLink);
      const pdf = await page.request.get(await summaryLink.evaluate((a) => (a as HTMLAnchorElement).href));
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const summaryText = pdfText(await pdf.body());
      expect(summaryText).toContain(lucaMeals);
      expect(summaryText).not.toContain('provvisorio');

      // A known parent is opened, not duplicated; a new code then clears what was loaded.
      await page.keyboard.press('F5');
      const again = page.getByRole('form', { name: 'Nuova iscrizione' });
      const againParent = again.getByRole('region', { name: 'Adulto di riferimento' });
      const againCf = againParent.getByLabel("Codice fiscale dell'adulto di riferimento");
      await scanFiscalCode(page, againCf, PARENT_CF, /Già registrato: dati caricati/);
      await expect(againParent.getByLabel('Cognome')).toHaveValue('Zanzi');
      await expect(againParent.getByLabel('Indirizzo di residenza')).toHaveValue('Via Roma 12, 54033 Carrara');
      await page.keyboard.press('Shift+Tab');
      await expect(againCf).toBeFocused();
      await page.keyboard.press('Control+A');
      await scanFiscalCode(page, againCf, OTHER_PARENT_CF, /Nuovo adulto di riferimento/);
      await expect(againParent.getByLabel('Cognome')).toHaveValue('');
      await expect(againParent.getByLabel('Data di nascita')).toHaveValue('05/04/1988');
      await expect(againParent.getByRole('radio', { name: 'F' })).toBeChecked();
      await typeAndNext(page, 'Berti');
      await typeAndNext(page, 'Anna');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await typeAndNext(page, 'Via Carriona 3, 54033 Carrara');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Space');
      await page.keyboard.press('Enter');

      // A known child under another parent: found with the link it has today; the change is explicit.
      const secondChild = again.getByRole('region', { name: 'Figlio 1' });
      const childCf = secondChild.getByLabel('Codice fiscale del figlio');
      await scanFiscalCode(page, childCf, CHILD2_CF, /Già registrato: dati caricati/);
      await expect(secondChild).toContainText(`Collegato a Mario Zanzi (${PARENT_CF})`);
      await expect(secondChild.getByLabel('Nome', { exact: true })).toHaveValue('Luca');
      await expect(secondChild.getByLabel('Scuola')).toHaveValue("Scuola dell'infanzia Fossola");
      const relink = secondChild.getByRole('checkbox', { name: 'Collega a questo genitore' });
      await expect(relink).toBeFocused();
      await expect(relink).not.toBeChecked();
      const againMeals = secondChild.getByRole('group', { name: 'Servizio 1 di Luca' });
      await tabTo(page, againMeals.getByRole('radio', { name: 'Refezione scolastica' }));
      await page.keyboard.press('Space');
      // Not confirmed: the form says so and takes the cursor back to the checkbox.
      await page.keyboard.press('Control+Enter');
      const formError = page.getByTestId('registration-error');
      await expect(formError).toContainText('collega a questo genitore');
      await expect(relink).toBeFocused();
      await page.keyboard.press('Space');
      await expect(relink).toBeChecked();
      // The core refuses the same service twice in a year: its Italian message above the form, nothing saved.
      await page.keyboard.press('Control+Enter');
      await expect(formError).toContainText(
        "Luca Zanzi) è già iscritto a refezione scolastica per l'anno scolastico 2026/2027",
      );
      await expect(again).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: 'Uscire senza registrare?' })).toBeVisible();
      await page.keyboard.press('Control+Enter');
      await expect(page.getByRole('combobox', { name: /^Cerca/ })).toBeFocused();

      // The pharmacy pulls the new account and finds it by the Pa-Pay code the family brings.
      const counterPage = await pharmacyContext.newPage();
      await login(counterPage, pharmacy.url, 'cavatore', '1234');
      // No registration at a pharmacy, and F5 does not reload the page.
      await expect(counterPage.getByRole('list', { name: 'Tasti rapidi' })).not.toContainText('nuova iscrizione');
      await counterPage.keyboard.press('F5');
      await expect(counterPage.getByRole('status').filter({ hasText: 'non in farmacia' })).toBeVisible();
      await counterPage.keyboard.press('Control+Shift+S');
      const syncResult = counterPage.getByTestId('sync-result');
      await expect(syncResult).toContainText('Sincronizzazione eseguita', { timeout: 30_000 });
      await counterPage.keyboard.type(lucaMeals);
      await counterPage.keyboard.press('Enter');
      const account = counterPage.getByRole('region', { name: 'Conto aperto' });
      await expect(account.getByRole('heading', { level: 2 })).toHaveText('Luca Z.');
      await expect(counterPage.getByRole('main')).not.toContainText('Zanzi');
      await expect(counterPage.getByRole('main')).not.toContainText(CHILD2_CF);
      await counterPage.goto('about:blank');
    } finally {
      await pharmacyContext.close();
      // The page polls the host: it leaves first, so the stopped host is not a page error.
      await page.goto('about:blank');
      await Promise.all([frontOffice.stop(), pharmacy.stop()]);
    }
  },
);
