import type { Channel, ChannelInput, ChannelOutput, SyncStatus } from '../../shared/contract';
import type { Reply } from '../../shared/errors';

/**
 * A client of a counter's browser host (POST /rpc/<channel> with the token it printed, the
 * operator's session in its cookie): what the renderer does, without the page.
 */
export class CounterClient {
  private readonly origin: string;
  private readonly token: string;
  private cookie: string | null = null;

  constructor(printedUrl: string) {
    const url = new URL(printedUrl);
    this.origin = url.origin;
    this.token = url.searchParams.get('token') ?? '';
  }

  /** Rejects only when the host does not answer (for example the process was killed meanwhile). */
  async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Reply<ChannelOutput<C>>> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.token}`,
      'content-type': 'application/json',
    };
    if (this.cookie !== null) headers.cookie = this.cookie;
    const res = await fetch(`${this.origin}/rpc/${channel}`, { method: 'POST', headers, body: JSON.stringify(input) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie !== null) this.cookie = setCookie.split(';')[0] ?? null;
    return (await res.json()) as Reply<ChannelOutput<C>>;
  }

  async must<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const reply = await this.call(channel, input);
    if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
    return reply.value;
  }

  /**
   * Resolves with the first sync status (the current one, or one of the 'sync.status' events on
   * the host's event stream) that satisfies the predicate.
   */
  async waitForStatus(predicate: (s: SyncStatus) => boolean, timeoutMs: number): Promise<SyncStatus> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      // Subscribe first, then read the current status: no event can slip between the two.
      const res = await fetch(`${this.origin}/events?token=${encodeURIComponent(this.token)}`, {
        signal: abort.signal,
      });
      const current = await this.must('sync.status', {});
      if (predicate(current)) return current;
      if (!res.body) throw new Error('flusso degli eventi assente');
      const decoder = new TextDecoder();
      let buffer = '';
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(frame)?.[1];
          const data = /^data: (.+)$/m.exec(frame)?.[1];
          if (event !== 'sync.status' || data === undefined) continue;
          const status = JSON.parse(data) as SyncStatus;
          if (predicate(status)) return status;
        }
      }
      throw new Error('flusso degli eventi chiuso');
    } catch (e) {
      if (abort.signal.aborted) throw new Error(`stato di sincronizzazione atteso non arrivato in ${timeoutMs} ms`);
      throw e;
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
  }
}
