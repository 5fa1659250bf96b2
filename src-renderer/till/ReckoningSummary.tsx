import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { TillReckoning } from '../../shared/contract';
import { METHOD_LABELS, SERVICE_LABELS, type Service } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { differenceLabel } from '../../shared/till/difference';
import { formatRomeDateTime } from '../../shared/time';
import { OUTBOX_TYPE_LABELS } from '../sync/syncText';
import { MOVEMENT_LABELS } from './MovementDialog';

/** After the blind count: counted against expected for each method, and the operations that make the expected. */
export function ReckoningSummary({ r }: { r: TillReckoning }) {
  const rows = [
    ...(r.cash ? [{ label: 'Contanti nel cassetto', d: r.cash }] : []),
    { label: 'Carte (totale del POS)', d: r.card },
  ];
  return (
    <Box>
      <Table size="small" aria-label="Contato e atteso">
        <TableHead>
          <TableRow>
            <TableCell component="th">Metodo</TableCell>
            <TableCell component="th" align="right">
              Contato
            </TableCell>
            <TableCell component="th" align="right">
              Atteso
            </TableCell>
            <TableCell component="th">Differenza</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ label, d }) => (
            <TableRow key={label} data-testid={`reckon-${d === r.card ? 'card' : 'cash'}`}>
              <TableCell>{label}</TableCell>
              <TableCell align="right">{formatEuro(d.countedCents)}</TableCell>
              <TableCell align="right">{formatEuro(d.expectedCents)}</TableCell>
              <TableCell sx={{ fontWeight: d.kind === 'pari' ? 400 : 700 }}>{differenceLabel(d)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Table size="small" aria-label="Incassi della sessione" sx={{ mt: 1 }}>
        <TableHead>
          <TableRow>
            <TableCell component="th">Incassi</TableCell>
            <TableCell component="th" align="right">
              Operazioni
            </TableCell>
            <TableCell component="th" align="right">
              Lordo
            </TableCell>
            <TableCell component="th" align="right">
              Stornato
            </TableCell>
            <TableCell component="th" align="right">
              Netto
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {r.takings.map((t) => (
            <TableRow key={`${t.method}-${t.service}`}>
              <TableCell>
                {METHOD_LABELS[t.method]}, {SERVICE_LABELS[t.service as Service] ?? t.service}
              </TableCell>
              <TableCell align="right">
                {t.count}
                {t.voids > 0 ? ` (${t.voids} stornate)` : ''}
              </TableCell>
              <TableCell align="right">{formatEuro(t.grossCents)}</TableCell>
              <TableCell align="right">{formatEuro(t.voidedCents)}</TableCell>
              <TableCell align="right">{formatEuro(t.grossCents - t.voidedCents)}</TableCell>
            </TableRow>
          ))}
          {r.movements.map((m) => (
            <TableRow key={m.id}>
              <TableCell>
                {MOVEMENT_LABELS[m.kind]} n. {m.documentNo}
                {m.reference ? ` (${m.reference})` : ''}
              </TableCell>
              <TableCell colSpan={3} />
              <TableCell align="right">{formatEuro(m.kind === 'reintegro' ? m.amountCents : -m.amountCents)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {r.unsent.length > 0 && (
        <Alert severity="info" role="status" sx={{ mt: 1 }}>
          {r.unsent.length === 1
            ? "1 operazione non è ancora arrivata al servizio centrale: la chiusura procede e l'operazione partirà da sola."
            : `${r.unsent.length} operazioni non sono ancora arrivate al servizio centrale: la chiusura procede e le operazioni partiranno da sole.`}
          <Box component="ul" sx={{ m: 0, pl: 3 }} aria-label="Operazioni non ancora inviate">
            {r.unsent.slice(0, 8).map((u) => (
              <li key={u.operationId}>
                {OUTBOX_TYPE_LABELS[u.type]} delle {formatRomeDateTime(u.createdAt)}
              </li>
            ))}
            {r.unsent.length > 8 && <li>e altre {r.unsent.length - 8}</li>}
          </Box>
        </Alert>
      )}
    </Box>
  );
}
