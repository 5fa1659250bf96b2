import { useEffect, useState } from 'react';
import type { ChannelInput, TariffQuote } from '../../shared/contract';
import { call } from '../api';
import { parseItalianDate } from '../dates';
import { iseeCentsOf, type EnrolmentDraft } from './draft';

/** Waits for the operator to pause typing the ISEE before asking the core. */
const TYPING_PAUSE_MS = 250;

export type QuoteState = { kind: 'none' } | { kind: 'quote'; quote: TariffQuote } | { kind: 'error'; text: string };

type QuoteRequest = ChannelInput<'registration.quote'>;

/** The tariff the enrolment would get, asked again whenever what decides it changes. */
export function useQuote(enrolment: EnrolmentDraft, siblingOrder: number): QuoteState {
  const { service, schoolYear, iseeText, nidoTime } = enrolment;
  const isee = iseeCentsOf(iseeText);
  // The ISEE's date matters too (one too old counts as none); a date still being typed is left out.
  const iseeDate = parseItalianDate(enrolment.iseeDate);
  const request: QuoteRequest | null =
    service === '' || schoolYear === '' || isee === 'invalid'
      ? null
      : {
          service,
          schoolYear,
          siblingOrder,
          ...(isee !== null ? { iseeCents: isee } : {}),
          ...(isee !== null && iseeDate !== null ? { iseeDate } : {}),
          ...(service === 'asilo_nido' ? { nidoTime } : {}),
        };
  // The request as text: the effect runs again only when what is asked really changes.
  const signature = request === null ? null : JSON.stringify(request);
  const [answer, setAnswer] = useState<QuoteState>({ kind: 'none' });

  useEffect(() => {
    if (signature === null) return;
    let current = true;
    const timer = window.setTimeout(() => {
      void (async () => {
        const reply = await call('registration.quote', JSON.parse(signature) as QuoteRequest);
        // An answer to a question no longer asked (the operator typed on) is dropped.
        if (!current) return;
        setAnswer(reply.ok ? { kind: 'quote', quote: reply.value } : { kind: 'error', text: reply.error.message });
      })();
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [signature]);

  if (isee === 'invalid') return { kind: 'error', text: 'ISEE non leggibile: scrivere per esempio 12.500,00.' };
  if (signature === null) return { kind: 'none' };
  // While the next answer is on its way the last one stays: the line does not flicker at every key.
  return answer;
}
