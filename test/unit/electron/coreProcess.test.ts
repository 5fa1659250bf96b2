import { describe, expect, it, vi } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/contract';
import { DomainError, type Reply } from '../../../shared/errors';
import { serveCoreProcess, type ParentPortLike } from '../../../src-main/core/remote/serve';
import type { CoreProcessOptions, PortLike } from '../../../src-main/core/remote/wire';
import type { Core } from '../../../src-main/core/types';
import { connectCoreProcess, type CoreProcessLike } from '../../../src-main/electron/coreProcess';

/**
 * The core in its own process, with stand-ins for Electron's utility process and MessageChannel:
 * both real sides (the host's relay and the process's server) talk through an in-memory port pair
 * that copies each message as a real port would (structuredClone) and delivers it on a later turn.
 */

type Message = { data: unknown };

class TestPort implements PortLike {
  peer: TestPort | null = null;
  closed = false;
  private started = false;
  private readonly queue: unknown[] = [];
  private readonly listeners: ((event: Message) => void)[] = [];

  postMessage(message: unknown): void {
    const peer = this.peer;
    if (this.closed || peer === null) return;
    const copy = structuredClone(message);
    setImmediate(() => peer.receive(copy));
  }
  on(_event: 'message', listener: (event: Message) => void): this {
    this.listeners.push(listener);
    return this;
  }
  start(): void {
    this.started = true;
    this.flush();
  }
  close(): void {
    this.closed = true;
  }
  private receive(message: unknown): void {
    if (this.closed) return;
    this.queue.push(message);
    this.flush();
  }
  private flush(): void {
    while (this.started && this.queue.length > 0) {
      const data = this.queue.shift();
      for (const listener of this.listeners) listener({ data });
    }
  }
}

function portPair(): [TestPort, TestPort] {
  const a = new TestPort();
  const b = new TestPort();
  a.peer = b;
  b.peer = a;
  return [a, b];
}

/** Electron's UtilityProcess as the host sees it, and the process's parent port as the child sees it. */
class FakeUtilityProcess implements CoreProcessLike<PortLike> {
  killed = false;
  private exited = false;
  private readonly exitListeners: ((code: number) => void)[] = [];
  private childListener: ((event: { data: unknown; ports: readonly PortLike[] }) => void) | null = null;

  readonly parentPort: ParentPortLike = {
    once: (_event, listener) => {
      this.childListener = listener;
      return this.parentPort;
    },
  };

  postMessage(message: unknown, transfer: PortLike[]): void {
    const copy = structuredClone(message);
    setImmediate(() => this.childListener?.({ data: copy, ports: transfer }));
  }
  on(_event: 'exit', listener: (code: number) => void): this {
    this.exitListeners.push(listener);
    return this;
  }
  kill(): boolean {
    this.killed = true;
    this.exit(15);
    return true;
  }
  /** The process ends (on its own, or crashed) with this code. */
  exit(code: number): void {
    if (this.exited) return;
    this.exited = true;
    setImmediate(() => this.exitListeners.forEach((l) => l(code)));
  }
}

type Listener = (event: EventName, payload: EventPayload<EventName>) => void;

function standInCore(invoke: Core['invoke'] = (s, c, i) => Promise.resolve({ ok: true, value: { s, c, i } })) {
  const listeners = new Set<Listener>();
  const invokeSpy = vi.fn(invoke);
  const closeSpy = vi.fn(() => Promise.resolve());
  const core: Core = {
    invoke: invokeSpy,
    on(listener) {
      const l = listener as unknown as Listener;
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: closeSpy,
  };
  return {
    core,
    invoke: invokeSpy,
    close: closeSpy,
    emit: (event: EventName, payload: unknown) => listeners.forEach((l) => l(event, payload as never)),
  };
}

function start(open: (options: CoreProcessOptions) => Promise<Core>) {
  const child = new FakeUtilityProcess();
  const [local, remote] = portPair();
  const opened: CoreProcessOptions[] = [];
  serveCoreProcess(child.parentPort, {
    open: (options) => {
      opened.push(options);
      return open(options);
    },
    exit: (code) => child.exit(code),
  });
  const exits: { code: number; expected: boolean }[] = [];
  let exited: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (exited = resolve));
  const core = connectCoreProcess(
    child,
    { local, remote },
    { dataDir: '/dati/sportello', counterCode: 'SE1' },
    {
      onExit: (code, expected) => {
        exits.push({ code, expected });
        exited();
      },
    },
  );
  return { child, core, opened, exits, ended, local };
}

const STOPPED = /^Il motore dei dati di Sportello si è fermato \(codice 9\): chiudere e riaprire il programma\./;

describe('the core in a utility process', () => {
  it('opens the core there with the host options and relays each invoke to its own answer', async () => {
    const answers: ((reply: Reply<unknown>) => void)[] = [];
    let bothArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (bothArrived = resolve));
    const { core: standIn, invoke } = standInCore(
      () =>
        new Promise((resolve) => {
          if (answers.push(resolve) === 2) bothArrived();
        }),
    );
    const { core, opened } = start(() => Promise.resolve(standIn));
    await core.ready;
    expect(opened).toEqual([{ dataDir: '/dati/sportello', counterCode: 'SE1' }]);

    const first = core.invoke('s1', 'accounts.lookup', { query: '1234567890' });
    const second = core.invoke('s2', 'session.current', {});
    await arrived;
    expect(invoke).toHaveBeenNthCalledWith(1, 's1', 'accounts.lookup', { query: '1234567890' });
    expect(invoke).toHaveBeenNthCalledWith(2, 's2', 'session.current', {});
    // Answered in the other order: each call still gets its own reply.
    answers[1]!({ ok: true, value: null });
    answers[0]!({ ok: false, error: { code: 'NOT_FOUND', message: 'Codice Pa-Pay non trovato.' } });
    expect(await second).toEqual({ ok: true, value: null });
    expect(await first).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Codice Pa-Pay non trovato.' } });
  });

  it("forwards the core's events to the host's listeners until they unsubscribe", async () => {
    const { core: standIn, emit } = standInCore();
    const { core } = start(() => Promise.resolve(standIn));
    await core.ready;
    const seen: unknown[] = [];
    const got = new Promise<void>((resolve) => {
      const stop = core.on((event, payload) => {
        seen.push({ event, payload });
        stop();
        resolve();
      });
    });
    emit('receipts.printed', { receiptNo: 'SE1/2026/000042', printed: true });
    await got;
    expect(seen).toEqual([{ event: 'receipts.printed', payload: { receiptNo: 'SE1/2026/000042', printed: true } }]);
  });

  it('when the process dies, the call in flight and every later one get an Italian error, and the host is told', async () => {
    let reached: () => void = () => undefined;
    const inCore = new Promise<void>((resolve) => (reached = resolve));
    const { core: standIn, invoke } = standInCore(() => {
      reached();
      return new Promise<never>(() => undefined);
    });
    const { child, core, exits } = start(() => Promise.resolve(standIn));
    await core.ready;
    const inFlight = core.invoke('s1', 'topups.create', { accountId: 'a', amountCents: 500, method: 'cash' });
    await inCore;
    child.exit(9);

    const reply = await inFlight;
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('INTERNAL');
    expect(!reply.ok && reply.error.message).toMatch(STOPPED);
    const later = await core.invoke('s1', 'session.current', {});
    expect(!later.ok && later.error.message).toMatch(STOPPED);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(exits).toEqual([{ code: 9, expected: false }]);
    await core.close();
  });

  it('a core that refuses to open rejects `ready` with its Italian reason, and the process is ended', async () => {
    const refusal = 'Questo computer è lo sportello SE1: non può avviarsi come SE2.';
    const { child, core, exits, ended } = start(() => Promise.reject(new DomainError('WRONG_COUNTER', refusal)));
    await expect(core.ready).rejects.toThrow(refusal);
    await ended;
    expect(child.killed).toBe(true);
    expect(exits).toEqual([{ code: 15, expected: false }]);
  });

  it('close asks the core to close, resolves once the process has ended, and later calls are refused', async () => {
    const { core: standIn, close } = standInCore();
    const { core, exits, local } = start(() => Promise.resolve(standIn));
    await core.ready;
    await core.close();
    expect(close).toHaveBeenCalledTimes(1);
    expect(exits).toEqual([{ code: 0, expected: true }]);
    expect(local.closed).toBe(true);
    const after = await core.invoke('s1', 'session.current', {});
    expect(after.ok).toBe(false);
  });
});
