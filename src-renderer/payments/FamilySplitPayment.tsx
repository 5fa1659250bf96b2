import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import DialogContent from '@mui/material/DialogContent';
import type { AccountItem, SessionInfo } from '../../shared/contract';
import { call } from '../api';
import { DialogShell, ResultActions } from '../ui/DialogShell';
import { SplitPaymentDialog } from './SplitPaymentDialog';

/**
 * Alt+P on an open account: the accounts of its family (every child of the same adulto di
 * riferimento, found by the parent's codice fiscale; the child's own accounts when it has no
 * parent), then the split payment over them. A family screen that holds the accounts already
 * opens SplitPaymentDialog directly.
 */
export function FamilySplitPayment(p: {
  account: AccountItem;
  settings: SessionInfo['settings'];
  onClose: (recorded: boolean) => void;
}) {
  const code = p.account.child.parent?.fiscalCode ?? p.account.child.fiscalCode ?? null;
  // Without a codice fiscale to look the family up by, the family is the open account alone.
  const [family, setFamily] = useState<{ accounts: AccountItem[] } | { error: string } | null>(
    code === null ? { accounts: [p.account] } : null,
  );
  useEffect(() => {
    if (code === null) return;
    let live = true;
    void call('accounts.find', { query: code }).then((reply) => {
      if (!live) return;
      if (!reply.ok) setFamily({ error: reply.error.message });
      else setFamily({ accounts: reply.value.items.length > 0 ? reply.value.items : [p.account] });
    });
    return () => {
      live = false;
    };
  }, [code, p.account]);

  if (family === null) return null;
  if ('error' in family) {
    return (
      <DialogShell titleId="split-title" title="Pagamento unico per più conti" onClose={() => p.onClose(false)}>
        <DialogContent>
          <Alert severity="error" role="alert">
            {family.error}
          </Alert>
        </DialogContent>
        <ResultActions onClose={() => p.onClose(false)} />
      </DialogShell>
    );
  }
  return (
    <SplitPaymentDialog
      accounts={family.accounts}
      startAccountId={p.account.accountId}
      settings={p.settings}
      onClose={p.onClose}
    />
  );
}
