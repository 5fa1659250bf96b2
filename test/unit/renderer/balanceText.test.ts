import { describe, expect, it } from 'vitest';
import { balanceChangeText, pendingText } from '../../../src-renderer/accounts/balanceText';

describe('balance texts', () => {
  it('shows what a top-up or a void did, with the balance it led to', () => {
    expect(balanceChangeText({ deltaCents: 2000, afterCents: 15300 })).toBe('+ 20,00 EUR → 153,00 EUR');
    expect(balanceChangeText({ deltaCents: -2000, afterCents: 13300 })).toBe('− 20,00 EUR → 133,00 EUR');
    expect(balanceChangeText({ deltaCents: 123456, afterCents: -50 })).toBe('+ 1.234,56 EUR → -0,50 EUR');
  });

  it('explains in words the part the central service has not counted yet', () => {
    expect(pendingText(0)).toBeNull();
    expect(pendingText(2000)).toMatch(/^più € 20,00 di operazioni fatte a questo sportello .* non ha ancora contato/);
    expect(pendingText(-550)).toMatch(/^meno € 5,50 /);
  });
});
