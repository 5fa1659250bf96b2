import { useEffect, useRef } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { FamilyAccount, FamilyView } from '../../shared/contract';
import { LEDGER_KIND_LABELS, SERVICE_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { formatLocalDate, formatRomeDateTime } from '../../shared/time';
import { palette } from '../theme';
import { familyAccounts, familyBalanceAsOfText, familyPendingText } from './familyText';

export const FAMILY_ID = 'family-accounts';
export const familyOptionId = (index: number) => `family-account-${index}`;

interface Props {
  family: FamilyView;
  /** The account open beside the family (the one the keys act on). */
  selectedId: string;
  /** True while the arrows move between the family's accounts (not the open account's operations). */
  active: boolean;
  onSelect: (accountId: string) => void;
}

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
const small = { fontSize: '0.8rem', lineHeight: 1.35 } as const;

/**
 * The family on one screen: the adulto di riferimento, then each child with each service's account,
 * its balance ("saldo al ...", the part not yet counted by the central service) and its latest
 * movements. The focus stays in the search field (a scanner may type at any time); the arrows move
 * the selection here through aria-activedescendant.
 */
export function FamilyPanel({ family, selectedId, active, onSelect }: Props) {
  const listRef = useRef<HTMLDivElement>(null);
  const flat = familyAccounts(family);
  const selected = flat.findIndex((a) => a.account.accountId === selectedId);
  useEffect(() => {
    listRef.current?.querySelector(`#${familyOptionId(selected)}`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  // Each tile's place in screen order, for its option id (the arrows walk them in that order).
  const place = new Map(flat.map((a, i) => [a.account.accountId, i]));
  return (
    <Box component="section" aria-label="Famiglia" sx={{ minWidth: 0 }}>
      <Typography component="h2" sx={{ fontWeight: 700, mb: 0.5 }} data-testid="family-parent">
        {family.parent
          ? `Adulto di riferimento: ${family.parent.name} · C.F. ${family.parent.fiscalCode}`
          : 'Nessun adulto di riferimento registrato'}
      </Typography>
      <Box
        id={FAMILY_ID}
        ref={listRef}
        role="listbox"
        aria-label="Conti della famiglia"
        sx={{ outline: active ? `2px solid ${palette.primary}` : 'none', outlineOffset: 2, borderRadius: 1 }}
      >
        {family.children.map(({ child, accounts }) => (
          <Box
            key={child.childId}
            role="group"
            aria-label={`${child.firstName} ${child.surname}`}
            data-testid="family-child"
            sx={{ mb: 1 }}
          >
            <Box component="div" sx={{ ...ellipsis, fontWeight: 700 }}>
              {child.firstName} {child.surname}
              <Box component="span" sx={{ fontWeight: 400, color: palette.textSecondary, ml: 1, ...small }}>
                {[child.birthDate ? `nato/a ${formatLocalDate(child.birthDate)}` : '', child.school]
                  .filter((s) => s !== '')
                  .join(' · ')}
              </Box>
            </Box>
            <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))', gap: 0.75 }}>
              {accounts.map((entry) => (
                <AccountTile
                  key={entry.account.accountId}
                  id={familyOptionId(place.get(entry.account.accountId) ?? 0)}
                  entry={entry}
                  selected={entry.account.accountId === selectedId}
                  onSelect={onSelect}
                />
              ))}
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

function AccountTile(props: {
  id: string;
  entry: FamilyAccount;
  selected: boolean;
  onSelect: (accountId: string) => void;
}) {
  const { account, recent } = props.entry;
  const pending = familyPendingText(account.pendingCents);
  return (
    <Box
      id={props.id}
      role="option"
      aria-selected={props.selected}
      data-testid="family-account"
      onClick={() => props.onSelect(account.accountId)}
      sx={{
        px: 1,
        py: 0.5,
        minWidth: 0,
        cursor: 'pointer',
        border: `1px solid ${palette.border}`,
        borderLeft: '4px solid',
        borderLeftColor: props.selected ? 'primary.main' : palette.border,
        bgcolor: props.selected ? palette.selected : 'background.paper',
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1 }}>
        <Box component="span" sx={{ ...ellipsis, flexGrow: 1, fontWeight: 600 }}>
          {SERVICE_LABELS[account.service]}{' '}
          <Box component="span" sx={{ fontWeight: 400, ...small }} data-testid="family-papay">
            {account.papayCode}
          </Box>
        </Box>
        <Box
          component="span"
          data-testid="family-balance"
          sx={{ fontWeight: 700, fontSize: '1.15rem', color: account.balanceCents < 0 ? palette.danger : palette.text }}
        >
          {formatEuro(account.balanceCents)}
        </Box>
      </Box>
      <Box sx={{ ...small, ...ellipsis, color: palette.textSecondary }} data-testid="family-as-of">
        {familyBalanceAsOfText(account.balanceAsOf)}
      </Box>
      {pending && (
        <Box sx={{ ...small, ...ellipsis, color: palette.warning }} data-testid="family-pending">
          {pending}
        </Box>
      )}
      {recent.length === 0 ? (
        <Box sx={{ ...small, color: palette.textSecondary }}>Nessun movimento.</Box>
      ) : (
        recent.map((op) => (
          <Box
            key={op.operationId}
            data-testid="family-movement"
            sx={{ ...small, display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr) auto', columnGap: 1 }}
          >
            <span>{formatRomeDateTime(op.createdAt)}</span>
            <Box component="span" sx={ellipsis}>
              {LEDGER_KIND_LABELS[op.kind]}
              {op.voided ? ' (stornata)' : ''}
            </Box>
            <Box component="span" sx={{ color: op.amountCents < 0 ? palette.danger : palette.text }}>
              {formatEuro(op.amountCents)}
            </Box>
          </Box>
        ))
      )}
    </Box>
  );
}
