import { describe, expect, it } from 'vitest';
import type { AccountItem, FamilyView } from '../../../shared/contract';
import {
  familyAccounts,
  familyBalanceAsOfText,
  familyPendingText,
  familyStep,
} from '../../../src-renderer/family/familyText';
import { MAIN_KEYS, type MainKeyContext } from '../../../src-renderer/shell/mainKeys';
import { hintsOf } from '../../../src-renderer/ui/keymap';

function account(id: string, childId: string): AccountItem {
  return {
    accountId: id,
    papayCode: '0000000000',
    service: 'refezione',
    balanceCents: 0,
    balanceAsOf: null,
    pendingCents: 0,
    child: { childId, firstName: 'A', surname: 'B', school: '' },
  };
}

const FAMILY: FamilyView = {
  parent: { name: 'Maria Rossi', fiscalCode: 'RSSMRA80A41F023X' },
  children: [
    { child: account('x', 'c1').child, accounts: [{ account: account('a1', 'c1'), recent: [] }] },
    {
      child: account('x', 'c2').child,
      accounts: [
        { account: account('b1', 'c2'), recent: [] },
        { account: account('b2', 'c2'), recent: [] },
      ],
    },
  ],
};

describe('the family screen', () => {
  it('lists the accounts child by child, and the arrows walk them in that order, stopping at either end', () => {
    expect(familyAccounts(FAMILY).map((a) => a.account.accountId)).toEqual(['a1', 'b1', 'b2']);
    expect(familyStep(FAMILY, 'a1', 1)).toBe('b1');
    expect(familyStep(FAMILY, 'b1', 1)).toBe('b2');
    expect(familyStep(FAMILY, 'b2', 1)).toBe('b2');
    expect(familyStep(FAMILY, 'b1', -1)).toBe('a1');
    expect(familyStep(FAMILY, 'a1', -1)).toBe('a1');
    expect(familyStep(FAMILY, 'altro', 1)).toBe('a1');
  });

  it('says when the balance is from and the part the central service has not counted yet', () => {
    expect(familyBalanceAsOfText('2026-12-03T09:00:00.000Z')).toBe('saldo al 03/12/2026 10:00');
    expect(familyBalanceAsOfText(null)).toBe('saldo centrale non ancora ricevuto');
    expect(familyPendingText(0)).toBeNull();
    expect(familyPendingText(2_000)).toBe('+ € 20,00 di questo sportello, non ancora al centrale');
    expect(familyPendingText(-550)).toBe('− € 5,50 di questo sportello, non ancora al centrale');
  });

  it('names on the hint bar what the arrows, Invio and Esc do at each level', () => {
    const at = (family: MainKeyContext['family']): Record<string, string> => {
      const context: MainKeyContext = {
        view: 'search',
        account: true,
        family,
        moreResults: false,
        frontOffice: true,
        supervisor: false,
      };
      return Object.fromEntries(hintsOf(MAIN_KEYS, context).map((h) => [h.keys, h.label]));
    };
    expect(at('accounts')).toMatchObject({
      '↑ ↓': 'scegli conto della famiglia',
      Invio: 'operazioni del conto',
      Esc: 'chiudi famiglia',
      F2: 'ricarica',
      'Alt+E': 'estratto conto',
      'Alt+T': 'attestazione 730',
    });
    expect(at('operations')).toMatchObject({
      '↑ ↓': 'scegli operazione',
      Invio: 'cerca / apri',
      Esc: 'torna alla famiglia',
      F4: 'storna operazione',
    });
    expect(at(null)).toMatchObject({ '↑ ↓': 'scegli operazione', Esc: 'chiudi conto' });
  });
});
