import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** WCAG 2.1 A and AA, the level the Comune's brief asks of every screen. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core on the page once its transitions have ended (a dialog still fading in blends its
 * colours with the backdrop and fails the contrast check for a few frames) and fails on any serious
 * or critical violation, listing each rule with the elements it found, so the failure says what to fix.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // Spinners run for ever: only the transitions that end are waited for.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const grave = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n')}`,
    );
  expect(grave, `violazioni WCAG 2.1 AA gravi in ${where}`).toEqual([]);
}
