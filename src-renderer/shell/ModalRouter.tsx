import type { AccountItem, OperationView, SessionInfo } from '../../shared/contract';
import { AttestationDialog } from '../family/AttestationDialog';
import { StatementDialog } from '../family/StatementDialog';
import { IssueNoticeDialog } from '../notices/IssueNoticeDialog';
import { FamilySplitPayment } from '../payments/FamilySplitPayment';
import { TopupDialog } from '../topups/TopupDialog';
import { VoidDialog } from '../topups/VoidDialog';

/** The dialogs the main screen opens on the open account; while one is open it owns the keyboard. */
export type Modal =
  | { kind: 'none' }
  | { kind: 'topup' }
  | { kind: 'void'; operation: OperationView }
  | { kind: 'notice' }
  | { kind: 'statement' }
  | { kind: 'attestation' }
  | { kind: 'splitPayment' };

interface Props {
  modal: Modal;
  account: AccountItem | null;
  settings: SessionInfo['settings'];
  /** Front office rather than a pharmacy: the full estratto conto and the attestazione. */
  frontOffice: boolean;
  /** changed: something was recorded, the account is read again. */
  onClose: (changed: boolean) => void;
}

export function ModalRouter({ modal, account, settings, frontOffice, onClose }: Props) {
  switch (modal.kind) {
    case 'none':
      return null;
    case 'topup':
      return account && <TopupDialog account={account} settings={settings} onClose={onClose} />;
    case 'notice':
      return (
        account && (
          <IssueNoticeDialog account={account} printerConfigured={settings.printerConfigured} onClose={onClose} />
        )
      );
    case 'void':
      return (
        <VoidDialog operation={modal.operation} printerConfigured={settings.printerConfigured} onClose={onClose} />
      );
    case 'statement':
      return (
        account && (
          <StatementDialog
            account={account}
            frontOffice={frontOffice}
            printerConfigured={settings.printerConfigured}
            onClose={() => onClose(false)}
          />
        )
      );
    case 'attestation':
      return account && <AttestationDialog account={account} onClose={() => onClose(false)} />;
    case 'splitPayment':
      return account && <FamilySplitPayment account={account} settings={settings} onClose={onClose} />;
    default: {
      const never: never = modal;
      return never;
    }
  }
}
