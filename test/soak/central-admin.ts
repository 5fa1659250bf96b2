import type { FaultSpec } from '../../central';
import type { AdminAccount, AdminOperation, AdminState } from '../../central/admin';

/** The emulator's /admin endpoints (never faulty), as the soak reads and steers them. */
export class CentralAdmin {
  constructor(readonly url: string) {}

  private async request<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${method} ${route}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }

  async operations(): Promise<AdminOperation[]> {
    return (await this.request<{ operations: AdminOperation[] }>('GET', '/admin/operations')).operations;
  }

  account(id: string): Promise<AdminAccount> {
    return this.request('GET', `/admin/accounts/${encodeURIComponent(id)}`);
  }

  state(): Promise<AdminState> {
    return this.request('GET', '/admin/state');
  }

  setFaults(spec: Partial<FaultSpec>): Promise<unknown> {
    return this.request('POST', '/admin/faults', spec);
  }

  async injected(): Promise<Record<string, number>> {
    return (await this.request<{ injected: Record<string, number> }>('GET', '/admin/faults')).injected;
  }

  async enrolmentCode(counterCode: string): Promise<string> {
    return (await this.request<{ code: string }>('POST', '/admin/enrolment-codes', { counterCode })).code;
  }
}
