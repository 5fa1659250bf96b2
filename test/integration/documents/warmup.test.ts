import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmUpDocuments } from '../../../src-main/documents/warmup';
import { openTestCore, type TestCore } from '../../support/core-fixture';

describe('warming up the PDF engine at start', () => {
  let t: TestCore | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('warms it up at the front office, which issues notices and enrolment summaries', async () => {
    t = await openTestCore({ counter: 'SE1' });
    const warm = vi.fn(() => Promise.resolve());
    await warmUpDocuments(t.core, warm);
    expect(warm).toHaveBeenCalledTimes(1);
  });

  it('leaves it unloaded at a pharmacy, which never renders an A4 document', async () => {
    t = await openTestCore({ counter: 'FAR-CAVATORE' });
    const warm = vi.fn(() => Promise.resolve());
    await warmUpDocuments(t.core, warm);
    expect(warm).not.toHaveBeenCalled();
  });
});
