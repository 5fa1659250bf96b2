import { describe, expect, it } from 'vitest';
import { chooseA4Route } from '../../../src-main/printing/a4Choice';

describe('A4 print route', () => {
  const installed = ['Microsoft Print to PDF', 'HP LaserJet Ufficio'];

  it('prints silently to the chosen printer, with the name as Windows spells it', () => {
    expect(chooseA4Route('hp laserjet ufficio', installed)).toEqual({
      kind: 'silent',
      deviceName: 'HP LaserJet Ufficio',
    });
  });

  it('opens the viewer when none is chosen or the chosen one is gone', () => {
    expect(chooseA4Route(undefined, installed)).toEqual({ kind: 'viewer', reason: 'Nessuna stampante A4 scelta.' });
    expect(chooseA4Route('  ', installed).kind).toBe('viewer');
    expect(chooseA4Route('Canon Piano 2', installed)).toEqual({
      kind: 'viewer',
      reason: 'La stampante A4 «Canon Piano 2» non è installata su questo PC.',
    });
  });
});
