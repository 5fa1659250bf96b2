import { demoReference, expect, test } from './fixtures';
import { expectAccessible } from './axe';
import { counterWithPrinter, lastPrinted, leave } from './printerCounter';
import { login } from './steps';

test("farmacia: gli ultimi movimenti del conto trovato per codice, sulla stampante delle ricevute, ridotti all'essenziale", async ({
  page,
}) => {
  const c = await counterWithPrinter('FAR-CAVATORE');
  try {
    // A child with a surname longer than its initial, and the adulto di riferimento this PC holds for the front office.
    // As seeded: the pharmacy's own copy keeps neither codice fiscale nor whole surname.
    const db = demoReference();
    const [child] = db.query<{ papay_code: string; name: string; surname: string; cf: string; parent_cf: string }>(
      `SELECT a.papay_code, c.name, c.surname, c.fiscal_code AS cf, f.fiscal_code AS parent_cf
         FROM accounts a JOIN children c ON c.id = a.child_id JOIN families f ON f.id = c.family_id
        WHERE length(c.surname) > 3 AND c.fiscal_code IS NOT NULL
          AND EXISTS (SELECT 1 FROM ledger l WHERE l.account_id = a.id)
        ORDER BY a.papay_code LIMIT 1`,
    );
    db.close();
    expect(child).toBeDefined();
    const { papay_code: papay, name, surname, cf, parent_cf: parentCf } = child!;
    const initial = `${surname[0]!.toUpperCase()}.`;

    const search = await login(page, c.url, 'cavatore', '1234');
    await page.keyboard.type(papay);
    await page.keyboard.press('Enter');
    const account = page.getByRole('region', { name: 'Conto aperto' });
    await expect(account.getByTestId('papay-code')).toHaveText(papay);
    await expect(search).toBeFocused();

    // Alt+E at a pharmacy: no period, no A4: only the last movements on the receipt printer.
    await page.keyboard.press('Alt+e');
    const dialog = page.getByRole('dialog', { name: `Estratto conto - ${name} ${initial}` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Dal', { exact: true })).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: 'PDF A4 (Alt+D)' })).toHaveCount(0);
    await expect(dialog.getByRole('list', { name: 'Tasti rapidi' })).toHaveText(/stampa ultimi movimenti/);
    const jobs = c.printer.jobs().length;
    await page.keyboard.press('Alt+u');

    // What came out of the printer, decoded from its bytes: the account found by its code, minimised.
    const slip = await lastPrinted(c.printer, jobs + 1);
    expect(slip).toContain('ESTRATTO CONTO - ULTIMI MOVIMENTI');
    expect(slip).toContain(`Codice Pa-Pay: ${papay}`);
    expect(slip).toContain(`Bambino/a: ${name} ${initial}`);
    expect(slip).toContain('Sportello: FAR-CAVATORE');
    expect(slip).toMatch(/Dati al: \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect(slip).toMatch(/ULTIMI \d+ MOVIMENTI/);
    expect(slip).not.toContain(surname);
    expect(slip).not.toContain(surname.toUpperCase());
    expect(slip).not.toContain(cf);
    expect(slip).not.toContain(parentCf);
    // The dialog shows what was printed, minimised the same way.
    const shown = dialog.getByRole('document', { name: 'Ultimi movimenti stampati' });
    await expect(shown).toContainText(`Bambino/a: ${name} ${initial}`);
    await expect(dialog).not.toContainText(cf);
    await expectAccessible(page, 'gli ultimi movimenti in farmacia');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(search).toBeFocused();
  } finally {
    await leave(page, c);
  }
});
