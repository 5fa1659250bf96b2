import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ChannelOutput, DaySummary } from '../../shared/contract';
import { METHOD_LABELS, SERVICE_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { formatLocalDate, formatRomeDateTime } from '../../shared/time';
import { call } from '../api';
import { runKey } from '../ui/keymap';
import { DAY_KEYS } from './dayKeys';
import { TextResultDialog } from '../receipts/TextResultDialog';
import { TakingsTable } from './TakingsTable';

type Printed = ChannelOutput<'reports.printDay'>;

interface Props {
  printerConfigured: boolean;
  onBack: () => void;
}

/** What this counter took today by method, service and operator, voids apart and net, with voids and reprints. */
export function DayView({ printerConfigured, onBack }: Props) {
  const [summary, setSummary] = useState<DaySummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [printed, setPrinted] = useState<Printed | null>(null);
  const printRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void (async () => {
      const reply = await call('reports.day', {});
      if (reply.ok) setSummary(reply.value);
      else setError(reply.error.message);
    })();
  }, []);

  useEffect(() => {
    if (summary !== null && printed === null) printRef.current?.focus();
  }, [summary, printed]);

  async function print() {
    const reply = await call('reports.printDay', {});
    if (reply.ok) {
      setError(null);
      setPrinted(reply.value);
    } else setError(reply.error.message);
  }

  function keys(event: KeyboardEvent) {
    // While the printed summary is open, its dialog has the keys.
    if (printed !== null) return;
    runKey(DAY_KEYS, event, null, {
      print: () => {
        if (summary !== null) void print();
      },
      back: onBack,
    });
  }

  return (
    <Box component="section" aria-label="Riepilogo del giorno" onKeyDown={keys}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography component="h2" variant="h6" sx={{ fontWeight: 700 }}>
          Riepilogo del giorno{summary ? ` ${formatLocalDate(summary.date)} – sportello ${summary.counterCode}` : ''}
        </Typography>
        <Button ref={printRef} variant="contained" onClick={() => void print()} disabled={summary === null}>
          Stampa riepilogo (Invio)
        </Button>
      </Box>
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {error}
        </Alert>
      )}
      {summary && (
        <>
          <TakingsTable
            label="Incassi per metodo"
            heading="Metodo"
            rows={summary.byMethod.map((r) => ({ key: r.method, label: METHOD_LABELS[r.method], takings: r }))}
            total={summary.total}
            totalTestId="day-total"
          />
          <TakingsTable
            label="Incassi per servizio"
            heading="Servizio"
            rows={summary.byService.map((r) => ({ key: r.service, label: SERVICE_LABELS[r.service], takings: r }))}
            total={summary.total}
          />
          <TakingsTable
            label="Incassi per operatore"
            heading="Operatore"
            rows={summary.byOperator.map((r) => ({ key: r.operator, label: `${r.name} (${r.operator})`, takings: r }))}
            total={summary.total}
          />
          <Typography component="h3" sx={{ fontWeight: 700 }}>
            Storni
          </Typography>
          {summary.voids.length === 0 ? (
            <Typography sx={{ mb: 2 }}>Nessuno storno.</Typography>
          ) : (
            <Table size="small" aria-label="Storni del giorno" sx={{ bgcolor: 'background.paper', mb: 2 }}>
              <TableHead>
                <TableRow>
                  <TableCell>Ricevuta storno</TableCell>
                  <TableCell>Storna la ricevuta</TableCell>
                  <TableCell>Metodo</TableCell>
                  <TableCell align="right">Importo</TableCell>
                  <TableCell>Supervisore</TableCell>
                  <TableCell>Motivo</TableCell>
                  <TableCell>Ora</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {summary.voids.map((v) => (
                  <TableRow key={v.receiptNo}>
                    <TableCell>{v.receiptNo}</TableCell>
                    <TableCell>{v.voidsReceiptNo ?? '—'}</TableCell>
                    <TableCell>{METHOD_LABELS[v.method]}</TableCell>
                    <TableCell align="right">{formatEuro(v.amountCents)}</TableCell>
                    <TableCell>{v.supervisor}</TableCell>
                    <TableCell>{v.reason}</TableCell>
                    <TableCell>{formatRomeDateTime(v.at)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Typography component="h3" sx={{ fontWeight: 700 }}>
            Ristampe
          </Typography>
          {summary.reprints.length === 0 ? (
            <Typography>Nessuna ristampa.</Typography>
          ) : (
            <Table size="small" aria-label="Ristampe del giorno" sx={{ bgcolor: 'background.paper' }}>
              <TableHead>
                <TableRow>
                  <TableCell>Ricevuta</TableCell>
                  <TableCell>Operatore</TableCell>
                  <TableCell>Ristampata il</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {summary.reprints.map((r) => (
                  <TableRow key={`${r.receiptNo}-${r.at}`}>
                    <TableCell>{r.receiptNo}</TableCell>
                    <TableCell>{r.operator}</TableCell>
                    <TableCell>{formatRomeDateTime(r.at)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
      {printed && (
        <TextResultDialog
          title="Riepilogo del giorno"
          text={printed.text}
          outcome={printed}
          printerConfigured={printerConfigured}
          textLabel="Testo del riepilogo"
          onClose={() => setPrinted(null)}
        />
      )}
    </Box>
  );
}
