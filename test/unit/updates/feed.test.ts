import { describe, expect, it } from 'vitest';
import { decideUpdate } from '../../../src-main/updates/decision';
import { factsAtStart, feedOf } from '../../../src-main/updates/feed';
import { a4PrintOptions } from '../../../src-main/printing/a4Choice';

describe('the update feed of the PC settings', () => {
  it('is a generic provider at the Comune address with the chosen channel, or none without an address', () => {
    expect(feedOf({ url: 'https://aggiornamenti.comune.example/sportello/', channel: 'beta' })).toEqual({
      provider: 'generic',
      url: 'https://aggiornamenti.comune.example/sportello',
      channel: 'beta',
    });
    expect(feedOf({ url: null, channel: 'latest' })).toBeNull();
    expect(feedOf(undefined)).toBeNull();
  });

  it('installs at start a newer verified download only when nothing waits for the central', () => {
    const at = (downloaded: string | undefined, outboxPending: number) =>
      decideUpdate(factsAtStart({ installed: '1.2.0', downloaded, outboxPending })).action;
    expect(at('1.3.0', 0)).toBe('install');
    expect(at('1.3.0', 2)).toBe('wait');
    expect(at(undefined, 0)).toBe('none');
    expect(at('1.1.9', 0)).toBe('none');
  });
});

describe('the silent A4 print', () => {
  it('goes to the named printer, A4, without a dialog', () => {
    expect(a4PrintOptions('HP LaserJet Ufficio')).toMatchObject({
      silent: true,
      deviceName: 'HP LaserJet Ufficio',
      pageSize: 'A4',
    });
  });
});
