import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ChannelOutput, ReceiptSummary } from '../../shared/contract';
import { METHOD_LABELS, SERVICE_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { formatRomeDateTime } from '../../shared/time';
import { call } from '../api';
import { arrowStep, runKey } from '../ui/keymap';
import { RECEIPTS_KEYS } from './receiptsKeys';
import { TextResultDialog } from './TextResultDialog';
import { focusRing } from '../theme';

type Reprint = ChannelOutput<'receipts.reprint'>;

interface Props {
  printerConfigured: boolean;
  onBack: () => void;
}

/** Today's receipts of this counter; Enter reprints the selected one as a COPIA. */
export function ReceiptsView({ printerConfigured, onBack }: Props) {
  const [items, setItems] = useState<ReceiptSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [reprint, setReprint] = useState<Reprint | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  useEffect(() => {
    void (async () => {
      const reply = await call('receipts.list', {});
      if (reply.ok) {
        // Newest first: the receipt asked for again is almost always the last one.
        setItems([...reply.value.items].reverse());
        setSelected(0);
      } else setError(reply.error.message);
    })();
  }, []);

  useEffect(() => {
    if (items !== null && reprint === null) tableRef.current?.focus();
  }, [items, reprint]);

  useEffect(() => {
    tableRef.current?.querySelector(`[data-index="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  async function doReprint(receipt: ReceiptSummary) {
    const reply = await call('receipts.reprint', { receiptNo: receipt.receiptNo });
    if (reply.ok) {
      setError(null);
      setReprint(reply.value);
    } else setError(reply.error.message);
  }

  function keys(event: KeyboardEvent) {
    if (reprint !== null || items === null) return;
    runKey(RECEIPTS_KEYS, event, null, {
      move: (press) => setSelected((s) => Math.max(0, Math.min(s + arrowStep(press), items.length - 1))),
      choose: () => {
        const receipt = items[selected];
        if (receipt) void doReprint(receipt);
      },
      back: onBack,
    });
  }

  return (
    <Box component="section" aria-label="Ricevute di oggi" onKeyDown={keys}>
      <Typography component="h2" variant="h6" sx={{ fontWeight: 700, mb: 1 }}>
        Ricevute di oggi
      </Typography>
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {error}
        </Alert>
      )}
      {items !== null && items.length === 0 && (
        <Typography>Nessuna ricevuta emessa oggi da questo sportello.</Typography>
      )}
      {items !== null && items.length > 0 && (
        <Table
          size="small"
          ref={tableRef}
          tabIndex={0}
          aria-label="Elenco ricevute: frecce per scegliere, Invio per ristampare"
          sx={{ bgcolor: 'background.paper', '&:focus': { outline: focusRing } }}
        >
          <TableHead>
            <TableRow>
              <TableCell>Numero</TableCell>
              <TableCell>Tipo</TableCell>
              <TableCell>Ora</TableCell>
              <TableCell>Bambino/a</TableCell>
              <TableCell>Servizio</TableCell>
              <TableCell>Metodo</TableCell>
              <TableCell align="right">Importo</TableCell>
              <TableCell>Stato</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((r, index) => (
              <TableRow
                key={r.receiptNo}
                data-index={index}
                selected={index === selected}
                aria-selected={index === selected}
              >
                <TableCell>{r.receiptNo}</TableCell>
                <TableCell>{r.kind}</TableCell>
                <TableCell>{formatRomeDateTime(r.createdAt)}</TableCell>
                <TableCell>{r.childLabel}</TableCell>
                <TableCell>{SERVICE_LABELS[r.service]}</TableCell>
                <TableCell>{METHOD_LABELS[r.method]}</TableCell>
                <TableCell align="right">{formatEuro(r.amountCents)}</TableCell>
                <TableCell>
                  {r.voided && <Chip size="small" color="error" variant="outlined" label="stornata" />}
                  {!r.printed && <Chip size="small" variant="outlined" label="non stampata" sx={{ ml: 0.5 }} />}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {reprint && (
        <TextResultDialog
          title={`Ristampa ricevuta n. ${reprint.receiptNo}`}
          text={reprint.text}
          outcome={reprint}
          printerConfigured={printerConfigured}
          onClose={() => setReprint(null)}
        />
      )}
    </Box>
  );
}
