import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_OPERATORS } from '../../seeds/operators';
import { damageCounterFile } from '../support/counter-file';
import { expectAccessible } from './axe';
import { CLI, expect, startServe, stop, test } from './fixtures';

const REPO = path.join(__dirname, '..', '..');
const SUPERVISOR = DEMO_OPERATORS.find((o) => o.code === 'supervisore')!;

test('a damaged database opens the recovery screen; a supervisor restores the latest good copy by keyboard', async ({
  page,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
  execFileSync(process.execPath, [CLI, 'seed', '--demo', '--till-optional', '--data', dataDir], { cwd: REPO });
  // A first start takes the checked copy of the hour.
  const first = await startServe(dataDir, 'SE1', []);
  const backups = path.join(dataDir, 'backup');
  await expect
    .poll(() => (fs.existsSync(backups) ? fs.readdirSync(backups).filter((f) => f.endsWith('.sqlite')) : []), {
      timeout: 60_000,
    })
    .toHaveLength(1);
  await stop(first.child);
  damageCounterFile(dataDir);

  const { child, url } = await startServe(dataDir, 'SE1', []);
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(url);
    await expect(page.getByRole('heading', { name: /Database danneggiato/ })).toBeVisible();
    await expect(page.getByTestId('app-identity')).toHaveText('Sportello · database da ripristinare');
    const choice = page.getByRole('combobox', { name: /Copia da ripristinare/ });
    await expect(choice).toBeFocused();
    await expect(choice).toContainText('Copia del');
    await expect(page.getByTestId('recovery-loss')).toContainText('tornano con la sincronizzazione');
    await expectAccessible(page, 'ripristino del database');

    // A wrong PIN: refused, nothing moved.
    await page.keyboard.press('Tab');
    await page.keyboard.type('supervisore');
    await page.keyboard.press('Tab');
    await page.keyboard.type('sbagliato');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText('Ripristino non autorizzato');
    expect(fs.existsSync(path.join(dataDir, 'danneggiati'))).toBe(false);

    await page.getByLabel('PIN supervisore').fill(SUPERVISOR.pin);
    await page.keyboard.press('Enter');
    // The counter starts on the restored copy: the login screen.
    await expect(page.getByLabel('Codice operatore')).toBeVisible({ timeout: 30_000 });
    expect(fs.readdirSync(path.join(dataDir, 'danneggiati')).some((f) => f.endsWith('.sqlite'))).toBe(true);
  } finally {
    await page.goto('about:blank');
    await stop(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
