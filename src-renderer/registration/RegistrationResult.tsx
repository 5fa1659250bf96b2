import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { EnrolmentView, RegistrationView } from '../../shared/contract';
import { SERVICE_LABELS } from '../../shared/domain';
import { formatRomeDateTime } from '../../shared/time';
import { call, onEvent } from '../api';
import { palette } from '../theme';
import { documentUrl } from '../documentUrl';
import { TariffLine } from './TariffLine';
import { runSomeKeys } from '../ui/keymap';
import { REGISTRATION_KEYS, registrationKeyOf } from './registrationKeys';

const STATE_LABELS: Record<EnrolmentView['state'], string> = {
  in_attesa: 'in attesa del servizio centrale',
  confermata: 'confermata',
  rifiutata: 'rifiutata',
};

const PROVISIONAL_RECHECK_MS = 5_000;

interface Props {
  registration: RegistrationView;
  pdfPath: string;
}

/**
 * The registration as saved: per child and service the codice Pa-Pay (provisional until the central
 * service confirms it), the tariff and "fuori termine", and the summary PDF to sign. After every
 * sync it reads the registration again: the real codes replace the provisional ones on screen.
 */
export function RegistrationResult({ registration: first, pdfPath: firstPdf }: Props) {
  const [registration, setRegistration] = useState(first);
  const [pdfPath, setPdfPath] = useState(firstPdf);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const lastSyncSeen = useRef<string | null | undefined>(undefined);
  const linkRef = useRef<HTMLAnchorElement>(null);

  // The link to the summary takes the cursor: Invio opens the PDF to print and sign.
  useEffect(() => {
    linkRef.current?.focus();
  }, []);

  const reload = useCallback(async () => {
    const reply = await call('registration.get', { registrationId: first.registrationId });
    if (reply.ok) setRegistration(reply.value);
    else setMessage({ ok: false, text: reply.error.message });
  }, [first.registrationId]);

  // A finished sync may have brought the real codes: read the registration again.
  useEffect(
    () =>
      onEvent('sync.status', (status) => {
        if (status.lastSyncAt === lastSyncSeen.current) return;
        lastSyncSeen.current = status.lastSyncAt;
        void reload();
      }),
    [reload],
  );
  // The event stream can be lost (host restart, sleep): while a code is provisional, look again now and then.
  const provisional = registration.provisional;
  useEffect(() => {
    if (!provisional) return;
    const timer = window.setInterval(() => void reload(), PROVISIONAL_RECHECK_MS);
    return () => window.clearInterval(timer);
  }, [provisional, reload]);

  const reprint = useCallback(async () => {
    const reply = await call('registration.printSummary', { registrationId: first.registrationId });
    if (!reply.ok) {
      setMessage({ ok: false, text: reply.error.message });
      return;
    }
    setPdfPath(reply.value.pdfPath);
    await reload();
    setMessage({
      ok: true,
      text: reply.value.provisional
        ? 'Riepilogo scritto di nuovo: alcuni codici Pa-Pay sono ancora provvisori.'
        : 'Riepilogo scritto di nuovo con i codici Pa-Pay definitivi.',
    });
  }, [first.registrationId, reload]);

  // Ctrl+P: the summary written again (e.g. once the sync confirmed the codes).
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || document.querySelector('[role="dialog"]')) return;
    runSomeKeys(REGISTRATION_KEYS, event, 'done', { reprint: () => void reprint() });
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const url = documentUrl(pdfPath);
  const rows = registration.children.flatMap((child) => child.enrolments.map((e) => ({ child, e })));

  return (
    <Box component="section" aria-label="Iscrizione registrata">
      <Alert severity="success" role="status" sx={{ mb: 1 }}>
        Iscrizione n. {registration.registrationNo} registrata per {registration.parent.name}{' '}
        {registration.parent.surname} ({registration.parent.fiscalCode}) il {formatRomeDateTime(registration.createdAt)}
        .
      </Alert>
      {registration.provisional && (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="provisional-warning">
          Alcuni codici Pa-Pay sono provvisori: diventano definitivi alla prossima sincronizzazione (Ctrl+Maiusc+S).
          Fino ad allora non si possono usare in farmacia. Poi ristampare il riepilogo ({registrationKeyOf('reprint')}).
        </Alert>
      )}
      {message && (
        <Alert severity={message.ok ? 'info' : 'error'} role={message.ok ? 'status' : 'alert'} sx={{ mb: 1 }}>
          {message.text}
        </Alert>
      )}
      <Paper variant="outlined" sx={{ mb: 1 }}>
        <Table size="small" aria-label="Servizi e codici Pa-Pay">
          <TableHead>
            <TableRow>
              <TableCell>Bambino</TableCell>
              <TableCell>Servizio</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>Codice Pa-Pay</TableCell>
              <TableCell>Tariffa</TableCell>
              <TableCell>Stato</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(({ child, e }) => (
              <TableRow key={e.enrolmentId} data-testid="enrolment-row">
                <TableCell>
                  {child.name} {child.surname}
                  <Typography variant="body2" sx={{ color: palette.textSecondary }}>
                    {child.fiscalCode}
                    {child.relinkedFrom ? ` · prima collegato a ${child.relinkedFrom.name}` : ''}
                  </Typography>
                </TableCell>
                <TableCell>
                  {SERVICE_LABELS[e.service]} {e.schoolYear}
                  {e.details !== '' && (
                    <Typography variant="body2" sx={{ color: palette.textSecondary }}>
                      {e.details}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <Box
                    component="span"
                    data-testid="papay-code"
                    sx={{ fontFamily: '"Roboto Mono", monospace', fontWeight: 700 }}
                  >
                    {e.papayCode}
                  </Box>
                  {e.papayProvisional && (
                    <Typography
                      variant="body2"
                      data-testid="papay-provisional"
                      sx={{ color: palette.warning, fontWeight: 600 }}
                    >
                      provvisorio — in attesa del servizio centrale
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <TariffLine tariff={e} />
                </TableCell>
                <TableCell>
                  {STATE_LABELS[e.state]}
                  {e.refusal && (
                    <Typography variant="body2" sx={{ color: palette.danger }}>
                      {e.refusal}
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Typography>
        Riepilogo da firmare:{' '}
        {url ? (
          <Link href={url} target="_blank" rel="noopener" data-testid="summary-link" ref={linkRef}>
            apri il PDF del riepilogo
          </Link>
        ) : (
          <Box component="code" data-testid="summary-path">
            {pdfPath}
          </Box>
        )}
      </Typography>
    </Box>
  );
}
