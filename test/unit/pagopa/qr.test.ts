import { describe, expect, it } from 'vitest';
import { pagopaQrPayload, parsePagopaQr } from '../../../shared/pagopa/qr';

const NAV = '301000000001234519';
const CF = '01199250158';

describe('pagopaQrPayload', () => {
  it('writes PAGOPA|002|NAV|CF|cents with unpadded cents', () => {
    expect(pagopaQrPayload(NAV, CF, 102099)).toBe('PAGOPA|002|301000000001234519|01199250158|102099');
    expect(pagopaQrPayload(NAV, CF, 100)).toBe('PAGOPA|002|301000000001234519|01199250158|100');
  });
  it('keeps at least two digits: 5 cents -> 05, 0 -> 00', () => {
    expect(pagopaQrPayload(NAV, CF, 5)).toBe('PAGOPA|002|301000000001234519|01199250158|05');
    expect(pagopaQrPayload(NAV, CF, 0)).toBe('PAGOPA|002|301000000001234519|01199250158|00');
    expect(pagopaQrPayload(NAV, CF, 10)).toBe('PAGOPA|002|301000000001234519|01199250158|10');
  });
  it('stays within the 43-54 characters readers accept', () => {
    expect(pagopaQrPayload(NAV, CF, 5)).toHaveLength(44);
    expect(pagopaQrPayload(NAV, CF, 99_999_999_99)).toHaveLength(52);
  });
  it('refuses a bad NAV, CF or amount', () => {
    expect(() => pagopaQrPayload('301000000001234518', CF, 100)).toThrow(/codice avviso/);
    expect(() => pagopaQrPayload(NAV, '0119925015', 100)).toThrow(/fiscale/);
    expect(() => pagopaQrPayload(NAV, CF, -1)).toThrow(/importo/);
    expect(() => pagopaQrPayload(NAV, CF, 1.5)).toThrow(/importo/);
  });
  it('reads back what it writes', () => {
    expect(parsePagopaQr(pagopaQrPayload(NAV, CF, 5))).toEqual({ nav: NAV, enteFiscalCode: CF, amountCents: 5 });
    expect(parsePagopaQr('PAGOPA|002|301000000001234519|01199250158|5')).toBeNull();
    expect(parsePagopaQr('PAGOPA|001|301000000001234519|01199250158|500')).toBeNull();
  });
});
