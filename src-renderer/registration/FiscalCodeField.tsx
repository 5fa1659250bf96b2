import { useRef, useState, type KeyboardEvent } from 'react';
import TextField from '@mui/material/TextField';
import type { ChannelOutput } from '../../shared/contract';
import { call } from '../api';
import { normaliseFiscalCode } from './draft';
import { focusNextField } from './focus';

export type LookupResult = ChannelOutput<'registry.lookup'>;
export type LookupStatus = { kind: 'error' | 'found' | 'new'; text: string } | null;

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Applies what the lookup found to the form and says, in Italian, what happened. */
  onFound: (result: LookupResult) => LookupStatus;
  autoFocus?: boolean;
}

/**
 * The codice fiscale comes first: a Tessera Sanitaria scanner types it fast and ends with Invio. On
 * Invio (or leaving the field) the core checks and decodes it and opens the person already known.
 */
export function FiscalCodeField({ id, label, value, onChange, onFound, autoFocus = false }: Props) {
  const [status, setStatus] = useState<LookupStatus>(null);
  const [busy, setBusy] = useState(false);
  // The code last sent: leaving the field after Invio must not ask again.
  const lastLooked = useRef('');

  async function lookup(raw: string, field: HTMLInputElement | null, advance: boolean) {
    const code = normaliseFiscalCode(raw);
    if (code === '') {
      setStatus(null);
      return;
    }
    if (code === lastLooked.current) {
      if (advance && field && status?.kind !== 'error') focusNextField(field);
      return;
    }
    lastLooked.current = code;
    setBusy(true);
    const reply = await call('registry.lookup', { fiscalCode: code });
    setBusy(false);
    if (!reply.ok) {
      setStatus({ kind: 'error', text: reply.error.message });
      lastLooked.current = '';
      // The cursor stays here with the text selected: the next scan replaces it.
      if (field) {
        field.focus();
        field.select();
      }
      return;
    }
    setStatus(onFound(reply.value));
    if (advance && field) focusNextField(field);
  }

  function keys(event: KeyboardEvent<HTMLDivElement>) {
    // The handler sits on the field's wrapper: the input is the target.
    if (event.key !== 'Enter' || event.ctrlKey || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    const field = event.target;
    const code = normaliseFiscalCode(field.value);
    // A complete code moves on at once, so what the operator types next never lands here; a refused
    // one brings the cursor back.
    const complete = code.length === 16 || /^\d{11}$/.test(code);
    // The lookup starts first: leaving the field then does not ask again.
    void lookup(field.value, field, !complete);
    if (complete) focusNextField(field);
  }

  const helper =
    status?.text ?? '16 caratteri (o 11 cifre se provvisorio): scriverlo o leggerlo dalla tessera sanitaria, poi Invio';

  return (
    <TextField
      id={id}
      label={label}
      value={value}
      onChange={(e) => {
        onChange(normaliseFiscalCode(e.target.value));
        if (status?.kind === 'error') setStatus(null);
      }}
      onKeyDown={keys}
      onBlur={(e) => void lookup(e.target.value, null, false)}
      autoFocus={autoFocus}
      fullWidth
      margin="dense"
      error={status?.kind === 'error'}
      helperText={busy ? 'Verifica in corso...' : helper}
      slotProps={{
        htmlInput: {
          maxLength: 16,
          spellCheck: false,
          autoComplete: 'off',
          'data-testid': `${id}`,
          style: { fontFamily: '"Roboto Mono", monospace', letterSpacing: '0.05em' },
        },
        formHelperText: {
          role: status ? (status.kind === 'error' ? 'alert' : 'status') : undefined,
          sx: status?.kind === 'found' ? { color: 'success.main', fontWeight: 600 } : undefined,
        },
      }}
    />
  );
}
