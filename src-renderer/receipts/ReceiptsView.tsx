import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import Typography from '@mui/material/Typography';
import type { ChannelOutput, ReceiptSummary } from '../../shared/contract';
import { METHOD_LABELS, SERVICE_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { formatRomeDateTime } from '../../shared/time';
import { call } from '../api';
import { SelectableTable } from '../ui/SelectableTable';
import { arrowStep, runKey } from '../ui/keymap';
import { RECEIPTS_KEYS } from './receiptsKeys';
import { TextResultDialog } from './TextResultDialog';

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
  const sectionRef = useRef<HTMLElement>(null);

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
    // With no receipt (or none read) the section takes the keys, so Esc still goes back.
    if ((items !== null || error !== null) && reprint === null) (tableRef.current ?? sectionRef.current)?.focus();
  }, [items, error, reprint]);

  async function doReprint(receipt: ReceiptSummary) {
    const reply = await call('receipts.reprint', { receiptNo: receipt.receiptNo });
    if (reply.ok) {
      setError(null);
      setReprint(reply.value);
    } else setError(reply.error.message);
  }

  function keys(event: KeyboardEvent) {
    if (reprint !== null) return;
    const list = items ?? [];
    runKey(RECEIPTS_KEYS, event, null, {
      move: (press) => setSelected((s) => Math.max(0, Math.min(s + arrowStep(press), list.length - 1))),
      choose: () => {
        const receipt = list[selected];
        if (receipt) void doReprint(receipt);
      },
      back: onBack,
    });
  }

  return (
    <Box
      component="section"
      aria-label="Ricevute di oggi"
      onKeyDown={keys}
      ref={sectionRef}
      tabIndex={-1}
      sx={{ outline: 'none' }}
    >
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
        <SelectableTable
          tableRef={tableRef}
          label="Elenco ricevute: frecce per scegliere, Invio per ristampare"
          items={items}
          selected={selected}
          rowKey={(r) => r.receiptNo}
          head={
            <>
              <TableCell>Numero</TableCell>
              <TableCell>Tipo</TableCell>
              <TableCell>Ora</TableCell>
              <TableCell>Bambino/a</TableCell>
              <TableCell>Servizio</TableCell>
              <TableCell>Metodo</TableCell>
              <TableCell align="right">Importo</TableCell>
              <TableCell>Stato</TableCell>
            </>
          }
          cells={(r) => (
            <>
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
            </>
          )}
        />
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
