import fs from 'node:fs';
import path from 'node:path';
import { drawerKickBytes } from '../../src-main/printing/escpos';
import { decodeEscPos } from '../support/escpos-decoder';
import { startVirtualPrinter, type VirtualPrinter } from '../support/virtual-printer';
import { expect, test } from './fixtures';
import { login } from './steps';
import { expectAccessible } from './axe';

const VERSION = (
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

test.describe('a PC never configured', () => {
  test.use({ unconfigured: true });
  let printer: VirtualPrinter;
  test.beforeEach(async () => {
    printer = await startVirtualPrinter();
  });
  test.afterEach(async () => {
    await printer.close();
  });

  test('is set up by keyboard, step by step, then a supervisor redoes a step, opens the drawer, exports diagnostics', async ({
    page,
    app,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Configurazione iniziale di questo PC' })).toBeVisible();
    await expect(page.getByTestId('app-identity')).toHaveText(`Sportello ${VERSION} · da configurare`);
    const stationFile = path.join(app.dataDir, 'postazione.json');
    await expectAccessible(page, 'configurazione iniziale');

    // 1. The counter: the list of the roster, the arrows choose, Invio confirms.
    const counter = page.getByRole('combobox', { name: 'Sportello', exact: true });
    await expect(counter).toBeFocused();
    await expect(counter).toHaveValue('ECO');
    await page.keyboard.press('End');
    await expect(counter).toHaveValue('SE2');
    await page.keyboard.press('ArrowUp');
    await expect(counter).toHaveValue('SE1');
    expect(fs.existsSync(stationFile)).toBe(false);
    await page.keyboard.press('Enter');

    // 2. The receipt printer: a network printer with its drawer; a test receipt, then Ctrl+Invio.
    const kind = page.getByLabel('Tipo di stampante');
    await expect(kind).toBeFocused();
    await kind.selectOption('network');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`127.0.0.1:${printer.port}`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('alert')).toHaveText('Stampare prima la ricevuta di prova (Invio).');
    expect(JSON.parse(fs.readFileSync(stationFile, 'utf8'))).toEqual({ version: 1, counterCode: 'SE1' });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toContainText('Ricevuta di prova inviata');
    const [testJob] = await printer.waitForJobs(1);
    expect(decodeEscPos(testJob!).text).toContain('STAMPA DI PROVA');
    await page.keyboard.press('Control+Enter');

    // 3. The A4 printer, 4. no central service.
    const a4 = page.getByRole('textbox', { name: 'Nome della stampante A4 in Windows' });
    await expect(a4).toBeFocused();
    await page.keyboard.type('HP LaserJet Ufficio');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Indirizzo del servizio centrale' })).toBeFocused();
    await page.keyboard.type('ftp://centrale');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText('Indirizzo non valido');
    await page.getByRole('textbox', { name: 'Indirizzo del servizio centrale' }).fill('');
    await page.keyboard.press('Enter');

    // 5. The counter starts: the login, with the counter in the footer.
    await expect(page.getByRole('button', { name: 'Avvia lo sportello (Invio)' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Codice operatore')).toBeFocused();
    await expect(page.getByTestId('app-identity')).toHaveText(`Sportello ${VERSION} · SE1`);
    const written = JSON.parse(fs.readFileSync(stationFile, 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({
      counterCode: 'SE1',
      receiptPrinter: { kind: 'network', host: '127.0.0.1', port: printer.port, drawer: true },
      a4Printer: 'HP LaserJet Ufficio',
      centralUrl: null,
    });

    // The supervisor's settings screen: what was chosen, the drawer, the diagnostics.
    await login(page, app.url, 'supervisore', 'carrara-1357');
    await page.keyboard.press('Control+Shift+U');
    const settings = page.getByRole('region', { name: 'Impostazioni' });
    await expect(settings.getByTestId('setting-Stampante ricevute')).toHaveText(
      `stampante di rete 127.0.0.1:${printer.port}, con cassetto`,
    );
    await expect(settings.getByTestId('setting-Versione')).toHaveText(`${VERSION}, canale latest`);
    await expectAccessible(page, 'impostazioni');
    // A step redone: Tab to its button, Invio, the new value, Invio; written only then.
    await settings.getByRole('button', { name: 'Cambia stampante a4' }).focus();
    await page.keyboard.press('Enter');
    const a4Again = settings.getByRole('textbox', { name: 'Nome della stampante A4 in Windows' });
    await expect(a4Again).toBeFocused();
    await a4Again.fill('Brother Segreteria');
    expect(JSON.parse(fs.readFileSync(stationFile, 'utf8'))).toMatchObject({ a4Printer: 'HP LaserJet Ufficio' });
    await page.keyboard.press('Enter');
    await expect(settings.getByRole('status')).toHaveText('Salvato.');
    await expect(settings.getByTestId('setting-Stampante A4')).toHaveText('Brother Segreteria');
    expect(JSON.parse(fs.readFileSync(stationFile, 'utf8'))).toMatchObject({ a4Printer: 'Brother Segreteria' });
    await page.keyboard.press('Alt+C');
    await expect(settings.getByRole('status')).toHaveText('Cassetto aperto.');
    const jobs = await printer.waitForJobs(2);
    expect(jobs[1]!.equals(drawerKickBytes())).toBe(true);
    await page.keyboard.press('Alt+D');
    await expect(settings.getByRole('status')).toContainText('Diagnostica salvata:');
    await expect(page.getByTestId('app-identity')).toHaveText(`Sportello ${VERSION} · SE1`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('combobox', { name: /^Cerca/ })).toBeVisible();
  });
});

test('a configured PC starts at the login as before, its version and counter in the footer', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByLabel('Codice operatore')).toBeFocused();
  await expect(page.getByTestId('app-identity')).toHaveText(`Sportello ${VERSION} · SE1`);
  await login(page, app.url, 'sportello1', '2468');
  await expect(page.getByTestId('app-identity')).toHaveText(`Sportello ${VERSION} · SE1`);
  await page.keyboard.press('Control+Shift+U');
  await expect(page.getByText('Le impostazioni di questo PC sono riservate ai supervisori.')).toBeVisible();
});
