import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ChannelOutput } from '../../shared/contract';
import { METHOD_LABELS, SERVICE_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { formatLocalDate } from '../../shared/time';
import { call } from '../api';
import { parseItalianDate } from '../dates';
import { documentUrl } from '../documentUrl';
import { DateField } from '../registration/DateField';
import { runKey } from '../ui/keymap';
import { AccountSummary } from './AccountSummary';
import { RAGIONERIA_KEYS } from './ragioneriaKeys';
import { TakingsTable } from './TakingsTable';

type Kind = 'period' | 'rendiconto' | 'conto';
type Shown =
  | { kind: 'period'; value: ChannelOutput<'reports.period'> }
  | { kind: 'rendiconto'; value: ChannelOutput<'reports.rendiconto'> }
  | { kind: 'conto'; value: ChannelOutput<'reports.conto'> };

const KIND_LABELS: Record<Kind, string> = {
  period: 'Incassi per periodo',
  rendiconto: 'Rendiconto mensile',
  conto: 'Conto giudiziale (modello 21)',
};

interface Props {
  onBack: () => void;
}

/** Rapporti per la Ragioneria (supervisors): period report, monthly rendiconto, conto giudiziale. */
export function RagioneriaView({ onBack }: Props) {
  const [kind, setKind] = useState<Kind>('period');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [counter, setCounter] = useState('');
  const [month, setMonth] = useState('');
  const [year, setYear] = useState('');
  const [agent, setAgent] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);

  useEffect(() => firstRef.current?.focus(), []);

  /** The channel call of the chosen report, or an Italian reason why the form cannot be sent. */
  async function run(save: boolean): Promise<void> {
    setError(null);
    if (kind === 'period') {
      const f = parseItalianDate(from);
      const t = parseItalianDate(to);
      if (f === null || t === null) return setError('Indicare le date "dal" e "al" come gg/mm/aaaa.');
      if (f > t) return setError(`La data iniziale (${from}) è successiva a quella finale (${to}).`);
      const input = { from: f, to: t, save, ...(counter.trim() ? { counterCode: counter.trim().toUpperCase() } : {}) };
      const reply = await call('reports.period', input);
      return reply.ok ? setShown({ kind, value: reply.value }) : setError(reply.error.message);
    }
    if (kind === 'rendiconto') {
      const m = /^(\d{1,2})[/.-](\d{4})$/.exec(month.trim());
      if (!m || Number(m[1]) < 1 || Number(m[1]) > 12)
        return setError('Indicare il mese come mm/aaaa, per esempio 10/2026.');
      const reply = await call('reports.rendiconto', { month: `${m[2]}-${m[1]!.padStart(2, '0')}`, save });
      return reply.ok ? setShown({ kind, value: reply.value }) : setError(reply.error.message);
    }
    if (!/^\d{4}$/.test(year.trim())) return setError("Indicare l'anno con quattro cifre, per esempio 2026.");
    const reply = await call('reports.conto', {
      year: Number(year),
      save,
      ...(agent.trim() ? { agent: agent.trim() } : {}),
    });
    return reply.ok ? setShown({ kind, value: reply.value }) : setError(reply.error.message);
  }

  function keys(event: KeyboardEvent) {
    // Arrows and Invio inside the open list of report kinds belong to the list.
    if ((event.target as HTMLElement).getAttribute('role') === 'option') return;
    runKey(RAGIONERIA_KEYS, event, null, {
      show: () => void run(false),
      save: () => void run(true),
      back: onBack,
    });
  }

  const saved = shown?.value.saved ?? null;
  const pdfHref = saved ? documentUrl(saved.pdfPath) : null;

  return (
    <Box component="section" aria-label="Rapporti per la Ragioneria" onKeyDown={keys}>
      <Typography component="h2" variant="h6" sx={{ fontWeight: 700, mb: 1 }}>
        Rapporti per la Ragioneria
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <TextField
          select
          label="Rapporto"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as Kind);
            setShown(null);
          }}
          inputRef={firstRef}
          margin="dense"
          sx={{ width: 260 }}
        >
          {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
            <MenuItem key={k} value={k}>
              {KIND_LABELS[k]}
            </MenuItem>
          ))}
        </TextField>
        {kind === 'period' && (
          <>
            <DateField id="ragioneria-from" label="Dal" value={from} onChange={setFrom} />
            <DateField id="ragioneria-to" label="Al" value={to} onChange={setTo} />
            <TextField
              label="Sportello (vuoto: tutti)"
              value={counter}
              onChange={(e) => setCounter(e.target.value)}
              margin="dense"
              helperText=" "
            />
          </>
        )}
        {kind === 'rendiconto' && (
          <TextField
            label="Mese"
            placeholder="mm/aaaa"
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            margin="dense"
            helperText=" "
          />
        )}
        {kind === 'conto' && (
          <>
            <TextField
              label="Anno"
              value={year}
              onChange={(e) => setYear(e.target.value)}
              margin="dense"
              helperText=" "
              sx={{ width: 100 }}
            />
            <TextField
              label="Agente contabile"
              value={agent}
              onChange={(e) => setAgent(e.target.value)}
              margin="dense"
              helperText=" "
            />
          </>
        )}
      </Box>
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {error}
        </Alert>
      )}
      {saved && (
        <Alert severity="success" sx={{ mb: 1 }}>
          Salvato:{' '}
          {pdfHref ? (
            <a href={pdfHref} target="_blank" rel="noreferrer">
              PDF
            </a>
          ) : (
            saved.pdfPath
          )}{' '}
          e {saved.csvPath}
        </Alert>
      )}
      {shown?.kind === 'period' && <PeriodTables report={shown.value.report} />}
      {shown?.kind === 'rendiconto' && (
        <AccountSummary
          title={`Rendiconto ${shown.value.report.month}`}
          periods={[shown.value.report.period]}
          counter={shown.value.report.counterCode}
        />
      )}
      {shown?.kind === 'conto' && (
        <AccountSummary
          title={`Conto giudiziale ${shown.value.report.year}: saldo iniziale ${formatEuro(shown.value.report.openingCents)}, finale ${formatEuro(shown.value.report.closingCents)}`}
          periods={shown.value.report.months}
          counter={shown.value.report.counterCode}
        />
      )}
    </Box>
  );
}

function PeriodTables({ report: r }: { report: ChannelOutput<'reports.period'>['report'] }) {
  return (
    <>
      <Typography sx={{ mb: 1 }}>
        Dal {formatLocalDate(r.from)} al {formatLocalDate(r.to)}: sportelli {r.counters.join(', ') || 'nessuno'}
      </Typography>
      <TakingsTable
        label="Per sportello"
        heading="Sportello"
        total={r.total}
        totalTestId="period-total"
        rows={r.byCounter.map((x) => ({ key: x.counterCode, label: x.counterCode, takings: x }))}
      />
      <TakingsTable
        label="Per servizio"
        heading="Servizio"
        total={r.total}
        rows={r.byService.map((x) => ({ key: x.service, label: SERVICE_LABELS[x.service], takings: x }))}
      />
      <TakingsTable
        label="Per metodo"
        heading="Metodo"
        total={r.total}
        rows={r.byMethod.map((x) => ({ key: x.method, label: METHOD_LABELS[x.method], takings: x }))}
      />
      <TakingsTable
        label="Per operatore"
        heading="Operatore"
        total={r.total}
        rows={r.byOperator.map((x) => ({ key: x.operator ?? '-', label: x.name, takings: x }))}
      />
      <TakingsTable
        label="Per giorno"
        heading="Giorno"
        total={r.total}
        rows={r.byDay.map((x) => ({ key: x.date, label: formatLocalDate(x.date), takings: x }))}
      />
    </>
  );
}
