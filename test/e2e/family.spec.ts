import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatEuro } from '../../shared/money';
import { pdfText } from '../support/pdf-text';
import { formatRomeDateTime } from '../../shared/time';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { centsOf, login, topUpInCash } from './steps';

test('sportello: estratto conto (a video, PDF A4, ultimi movimenti) e attestazione per il 730, da tastiera', async ({
  page,
  app,
}) => {
  // A child with a parent: the attestation names the adulto di riferimento.
  const [row] = app.query<{ papay_code: string; as_of: string }>(
    `SELECT a.papay_code, a.server_balance_at AS as_of FROM accounts a JOIN children c ON c.id = a.child_id
      WHERE c.family_id IS NOT NULL AND a.server_balance_at IS NOT NULL ORDER BY a.papay_code LIMIT 1`,
  );
  // No central service here: the data is as of the account's last central balance, which the seed wrote.
  const asOf = `dati al ${formatRomeDateTime(row!.as_of)} (ultima sincronizzazione con il servizio centrale)`;
  const search = await login(page, app.url, 'sportello1', '2468');

  // Without an open account the keys say what to do first.
  await page.keyboard.press('Alt+t');
  await expect(page.getByText("Aprire prima un conto: l'attestazione è di un conto e di un anno.")).toBeVisible();

  await search.fill(row!.papay_code);
  await page.keyboard.press('Enter');
  const account = page.getByRole('region', { name: 'Conto aperto' });
  await expect(account.getByTestId('balance')).toBeVisible();
  await topUpInCash(page, '20');
  const balance = centsOf((await account.getByTestId('balance').textContent()) ?? '');

  // Alt+E: the school year so far on screen, its closing balance the account's.
  await page.keyboard.press('Alt+e');
  const statement = page.getByRole('dialog', { name: /^Estratto conto/ });
  await expect(statement.getByLabel('Dal', { exact: true })).toBeFocused();
  await expect(statement.getByTestId('statement-closing')).toHaveText(formatEuro(balance));
  await expect(statement.getByTestId('statement-line').last()).toContainText(
    `Ricarica allo sportello SE1 in contanti, ricevuta SE1/`,
  );
  await expect(statement).toContainText(asOf);
  const to = await statement.getByLabel('Al', { exact: true }).inputValue();
  const year = Number(to.slice(6, 10));
  await expectAccessible(page, "l'estratto conto");

  // Alt+D saves the A4 PDF, served to the front office.
  await page.keyboard.press('Alt+d');
  const link = statement.getByRole('link', { name: "Apri il PDF dell'estratto conto" });
  await expect(link).toBeVisible();
  const pdf = await page.request.get(new URL((await link.getAttribute('href'))!, app.url).toString());
  expect(pdf.ok()).toBe(true);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-e2e-')), 'estratto.pdf');
  fs.writeFileSync(file, await pdf.body());
  expect(pdfText(file)).toContain(asOf);

  // Alt+U: the last movements on the receipt printer.
  await page.keyboard.press('Alt+u');
  await expect(statement.getByRole('status').last()).toContainText(/stampante|Stampa/);

  // A period backwards is refused in Italian, the statement shown stays.
  await statement.getByLabel('Dal', { exact: true }).fill(to);
  await statement.getByLabel('Al', { exact: true }).fill(`01/09/${year - 1}`);
  await statement.getByLabel('Al', { exact: true }).press('Enter');
  await expect(statement.getByRole('alert')).toContainText('Periodo al contrario');
  await page.keyboard.press('Escape');
  await expect(statement).toBeHidden();

  // Alt+T: the attestazione of this year counts the cash top-up just made, numbered for this counter.
  await page.keyboard.press('Alt+t');
  const attestation = page.getByRole('dialog', { name: /^Attestazione per il 730/ });
  const field = attestation.getByRole('textbox', { name: "Anno d'imposta" });
  await expect(field).toBeFocused();
  await field.fill(String(year + 1));
  await page.keyboard.press('Enter');
  await expect(attestation.getByRole('alert')).toContainText(`L'anno d'imposta ${year + 1} non è ancora iniziato`);
  await field.fill(String(year));
  await page.keyboard.press('Enter');
  await expect(attestation.getByTestId('attestation-protocol')).toHaveText(`SE1/${year}/A00001`);
  await expect(attestation.getByTestId('attestation-figures')).toContainText(`in contanti ${formatEuro(2000)}`);
  await expect(attestation.getByTestId('attestation-as-of')).toHaveText(`Pagamenti noti allo sportello: ${asOf}.`);
  const attestationLink = attestation.getByRole('link', { name: "Apri il PDF dell'attestazione" });
  await expect(attestationLink).toBeVisible();
  const attestationPdf = await page.request.get(
    new URL((await attestationLink.getAttribute('href'))!, app.url).toString(),
  );
  fs.writeFileSync(file, await attestationPdf.body());
  expect(pdfText(file)).toContain(`Pagamenti noti allo sportello: ${asOf}.`);
  await expectAccessible(page, "l'attestazione per il 730");

  // A year with nothing paid is a document that says so, with the next number.
  await field.fill(String(year - 5));
  await page.keyboard.press('Enter');
  await expect(attestation.getByTestId('attestation-protocol')).toHaveText(`SE1/${year}/A00002`);
  await expect(attestation.getByTestId('attestation-figures')).toHaveText(
    `Nessun pagamento nel ${year - 5} per questo servizio.`,
  );
  await page.keyboard.press('Escape');
  await expect(attestation).toBeHidden();
});
