import { describe, expect, it } from 'vitest';
import { consentFor, isWellFormedConsent } from '../../../shared/registration/consent';
import { EnrolmentConfig } from '../../../shared/registration/config';
import { DEMO_ENROLMENT } from '../../../seeds/enrolment';

const TEXT = '{{Il sottoscritto|La sottoscritta}}, {{nato|nata}} a Carrara, dichiara.';

describe('the consent statement agrees with the parent', () => {
  it("picks the masculine or the feminine words by the parent's sex, both while it is unknown", () => {
    expect(consentFor(TEXT, 'M')).toBe('Il sottoscritto, nato a Carrara, dichiara.');
    expect(consentFor(TEXT, 'F')).toBe('La sottoscritta, nata a Carrara, dichiara.');
    expect(consentFor(TEXT, null)).toBe('Il sottoscritto/La sottoscritta, nato/nata a Carrara, dichiara.');
  });
  it('refuses a configured text with a stray or unclosed brace', () => {
    expect(isWellFormedConsent(TEXT)).toBe(true);
    for (const bad of ['{{Il sottoscritto}} dichiara', '{{Il|La dichiara', 'Il sottoscritto} dichiara']) {
      expect(isWellFormedConsent(bad), bad).toBe(false);
      expect(EnrolmentConfig.safeParse({ ...DEMO_ENROLMENT, consentText: bad }).success).toBe(false);
    }
  });
  it("the demo's statement is written for both", () => {
    expect(consentFor(DEMO_ENROLMENT.consentText, 'F')).toMatch(/^La sottoscritta dichiara/);
    expect(consentFor(DEMO_ENROLMENT.consentText, 'M')).toMatch(/^Il sottoscritto dichiara/);
  });
});
