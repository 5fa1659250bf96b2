import { useEffect, useState } from 'react';
import type { NoticeView } from '../../shared/contract';
import { call, onEvent } from '../api';

/**
 * A notice on screen as it is now: each finished sync (the event stream says so) may have
 * registered it centrally, so it is read again and its state and warning follow.
 */
export function useNoticeUpdates(first: NoticeView): NoticeView {
  const [notice, setNotice] = useState(first);
  const { noticeId, nav } = first;

  useEffect(() => {
    let lastSync: string | null | undefined;
    let live = true;
    const unsubscribe = onEvent('sync.status', (status) => {
      if (status.lastSyncAt === lastSync) return;
      lastSync = status.lastSyncAt;
      void (async () => {
        const reply = await call('notices.find', { query: nav });
        const found = reply.ok ? reply.value.items.find((item) => item.noticeId === noticeId) : undefined;
        if (live && found) setNotice(found);
      })();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [noticeId, nav]);

  return notice;
}
