import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type EventName, type EventPayload } from '../../../shared/contract';
import type { Reply } from '../../../shared/errors';
import type { Core } from '../../../src-main/core/types';
import { forwardEvents, registerChannels, type InvokeEvent } from '../../../src-main/electron/ipc';

const APP_PAGE = 'file:///opt/sportello/resources/app.asar/dist/renderer/index.html';

type Handler = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle(channel: string, listener: Handler) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
  };
}

function fakeCore() {
  type Listener = (event: EventName, payload: EventPayload<EventName>) => void;
  const listeners = new Set<Listener>();
  const invoke = vi.fn((sessionId: string, channel: string, input: unknown): Promise<Reply<unknown>> =>
    Promise.resolve({ ok: true, value: { sessionId, channel, input } }),
  );
  const core: Core = {
    invoke,
    on(listener) {
      const l = listener as unknown as Listener;
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: () => Promise.resolve(),
  };
  return { core, invoke, emit: (e: EventName, p: EventPayload<EventName>) => listeners.forEach((l) => l(e, p)) };
}

const fromApp = (senderId = 7, url = `${APP_PAGE}#/ricarica`): InvokeEvent => ({
  sender: { id: senderId },
  senderFrame: { url },
});

describe('IPC channel wiring', () => {
  it('registers exactly one handler per contract channel, and removes them', () => {
    const ipc = fakeIpcMain();
    const remove = registerChannels(ipc, fakeCore().core, { appPageUrl: APP_PAGE, sessionIdFor: () => 's' });
    expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    remove();
    expect(ipc.handlers.size).toBe(0);
  });

  it("calls the core with the sender window's session, the channel and the input", async () => {
    const ipc = fakeIpcMain();
    const { core, invoke } = fakeCore();
    registerChannels(ipc, core, {
      appPageUrl: APP_PAGE,
      sessionIdFor: (sender) => (sender.id === 7 ? 'session-of-7' : undefined),
    });
    const reply = await ipc.handlers.get('accounts.find')?.(fromApp(), { query: '1234567897' });
    expect(reply).toEqual({
      ok: true,
      value: { sessionId: 'session-of-7', channel: 'accounts.find', input: { query: '1234567897' } },
    });
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it('refuses calls from frames that are not the app, or from unknown windows', async () => {
    const ipc = fakeIpcMain();
    const { core, invoke } = fakeCore();
    const report = vi.fn();
    registerChannels(ipc, core, {
      appPageUrl: APP_PAGE,
      sessionIdFor: (sender) => (sender.id === 7 ? 'session-of-7' : undefined),
      report,
    });
    const handler = ipc.handlers.get('session.login');
    const refused = { ok: false, error: { code: 'FORBIDDEN' } };
    await expect(handler?.(fromApp(7, 'https://evil.example/'), {})).resolves.toMatchObject(refused);
    await expect(handler?.({ sender: { id: 7 }, senderFrame: null }, {})).resolves.toMatchObject(refused);
    await expect(handler?.(fromApp(8), {})).resolves.toMatchObject(refused);
    expect(invoke).not.toHaveBeenCalled();
    expect(report).toHaveBeenCalledTimes(3);
  });

  it('turns a core that throws into an INTERNAL reply', async () => {
    const ipc = fakeIpcMain();
    const { core, invoke } = fakeCore();
    invoke.mockRejectedValueOnce(new Error('boom'));
    registerChannels(ipc, core, { appPageUrl: APP_PAGE, sessionIdFor: () => 's' });
    await expect(ipc.handlers.get('counter.info')?.(fromApp(), {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});

describe('event forwarding', () => {
  it('sends core events to the window under their contract name until unsubscribed', () => {
    const { core, emit } = fakeCore();
    const target = { isDestroyed: () => false, send: vi.fn() };
    const stop = forwardEvents(core, target);
    emit('receipts.printed', { receiptNo: 'SE1-2025-000001', printed: true });
    expect(target.send).toHaveBeenCalledWith('receipts.printed', { receiptNo: 'SE1-2025-000001', printed: true });
    stop();
    emit('receipts.printed', { receiptNo: 'SE1-2025-000002', printed: true });
    expect(target.send).toHaveBeenCalledTimes(1);
  });

  it('does not send to a destroyed window', () => {
    const { core, emit } = fakeCore();
    const target = { isDestroyed: () => true, send: vi.fn() };
    forwardEvents(core, target);
    emit('receipts.printed', { receiptNo: 'x', printed: false });
    expect(target.send).not.toHaveBeenCalled();
  });
});
