import type { ReactNode } from 'react';
import { AttestationBatchView } from '../family/AttestationBatchView';
import type { BatchKeyContext } from '../family/familyKeys';
import type { SessionInfo } from '../../shared/contract';
import { NoticesView } from '../notices/NoticesView';
import { ReceiptsView } from '../receipts/ReceiptsView';
import { RegistrationScreen } from '../registration/RegistrationScreen';
import { DayView } from '../reports/DayView';
import { RagioneriaView } from '../reports/RagioneriaView';
import { ProblemsView } from '../sync/ProblemsView';
import { SettingsView } from '../setup/SettingsView';
import { TillView } from '../till/TillView';
import type { TillKeyContext } from '../till/tillKeys';
import type { View } from './mainKeys';

interface Props {
  view: View;
  session: SessionInfo;
  /** The search screen, which the main screen keeps (its keys are the main screen's). */
  search: ReactNode;
  onBack: () => void;
  onSyncChanged: () => void;
  onTillKeys: (context: TillKeyContext) => void;
  onBatchKeys: (context: BatchKeyContext) => void;
}

/** The view on screen; each one but the search goes back to it with Esc. */
export function ViewRouter({ view, session, search, onBack, onSyncChanged, onTillKeys, onBatchKeys }: Props) {
  const printerConfigured = session.settings.printerConfigured;
  switch (view) {
    case 'search':
      return search;
    case 'receipts':
      return <ReceiptsView printerConfigured={printerConfigured} onBack={onBack} />;
    case 'notices':
      return <NoticesView session={session} onBack={onBack} />;
    case 'problems':
      return <ProblemsView onBack={onBack} onRetried={onSyncChanged} />;
    case 'registration':
      return <RegistrationScreen onLeave={onBack} />;
    case 'day':
      return <DayView printerConfigured={printerConfigured} onBack={onBack} />;
    case 'ragioneria':
      return <RagioneriaView onBack={onBack} />;
    case 'settings':
      return <SettingsView onBack={onBack} />;
    case 'till':
      return <TillView printerConfigured={printerConfigured} onBack={onBack} onKeysContext={onTillKeys} />;
    case 'attestations':
      return <AttestationBatchView onBack={onBack} onKeysContext={onBatchKeys} />;
    default: {
      const never: never = view;
      return never;
    }
  }
}
