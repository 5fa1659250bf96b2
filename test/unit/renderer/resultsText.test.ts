import { describe, expect, it } from 'vitest';
import { resultsCountText } from '../../../src-renderer/accounts/resultsText';

describe('resultsCountText', () => {
  it('says the total of the whole search, not the page on screen', () => {
    expect(resultsCountText(89, 20, 31)).toBe(
      '89 bambini trovati, in elenco i primi 20: Pag↓ per gli altri. Frecce per scegliere, Invio per aprire.',
    );
  });

  it('once every child is listed, says how many accounts when a child has more than one', () => {
    expect(resultsCountText(2, 2, 3)).toBe('2 bambini trovati (3 conti). Frecce per scegliere, Invio per aprire.');
    expect(resultsCountText(2, 2, 2)).toBe('2 bambini trovati. Frecce per scegliere, Invio per aprire.');
    expect(resultsCountText(1, 1, 1)).toBe('1 bambino trovato. Frecce per scegliere, Invio per aprire.');
  });
});
