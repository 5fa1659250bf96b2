import Chip from '@mui/material/Chip';
import type { NoticeState } from '../../shared/contract';
import { NOTICE_STATE_LABELS } from './noticeFormat';

type ChipColor = 'default' | 'warning' | 'info' | 'success' | 'error';

function colorOf(state: NoticeState): ChipColor {
  switch (state) {
    case 'emesso':
      return 'warning';
    case 'registrato':
      return 'info';
    case 'pagato':
      return 'success';
    case 'annullato':
      return 'default';
    case 'scaduto':
      return 'error';
    default: {
      const never: never = state;
      return never;
    }
  }
}

/** The state of a notice as a word the operator reads at a glance; a pending cancellation beside it. */
export function NoticeStateChip({ state, cancelRequested }: { state: NoticeState; cancelRequested: boolean }) {
  return (
    <>
      <Chip
        size="small"
        color={colorOf(state)}
        variant={state === 'registrato' || state === 'pagato' ? 'filled' : 'outlined'}
        label={NOTICE_STATE_LABELS[state]}
        data-testid="notice-state"
      />
      {cancelRequested && state !== 'annullato' && (
        <Chip size="small" variant="outlined" label="annullamento richiesto" sx={{ ml: 0.5 }} />
      )}
    </>
  );
}
