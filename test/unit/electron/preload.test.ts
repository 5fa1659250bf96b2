import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_NAMES } from '../../../shared/contract';
import type { SportelloBridge } from '../../../src-main/electron/bridge';
import { buildPreload, type ContractNames } from '../../../scripts/build-preload.mjs';

/**
 * Builds the real preload bundle and runs it the way a sandboxed renderer would: its `require`
 * knows only 'electron'. So this proves the bundle is self-contained and that its allowlist is
 * exactly the contract's channels and events.
 */

let outDir: string;
let bundle: string;
let names: ContractNames;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
  const built = await buildPreload(outDir);
  bundle = fs.readFileSync(built.file, 'utf8');
  names = built.names;
});

afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
});

function runPreload() {
  const exposed = new Map<string, unknown>();
  const ipcRenderer = {
    invoke: vi.fn((channel: string, input: unknown) => Promise.resolve({ ok: true, value: { channel, input } })),
    on: vi.fn(),
    removeListener: vi.fn(),
  };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer,
  };
  const sandboxRequire = (id: string): unknown => {
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${id}`);
  };
  const module = { exports: {} };
  // A fresh V8 context with nothing but the CommonJS wrapper's variables, as in a sandboxed renderer.
  vm.runInNewContext(bundle, { require: sandboxRequire, module, exports: module.exports }, { filename: 'preload.js' });
  return { bridge: exposed.get('sportello') as SportelloBridge, exposed, ipcRenderer };
}

describe('preload bundle', () => {
  it('embeds exactly the contract channels and events', () => {
    expect(names.channels).toEqual(CHANNELS);
    expect(names.events).toEqual(EVENT_NAMES);
  });

  it('requires nothing but electron and carries no zod', () => {
    expect(() => runPreload()).not.toThrow();
    expect(bundle).not.toMatch(/require\((?!["']electron["'])/);
    expect(bundle).not.toMatch(/\$Zod|ZodError|z\.object/);
  });

  it('exposes only window.sportello with invoke and on', () => {
    const { exposed, bridge } = runPreload();
    expect([...exposed.keys()]).toEqual(['sportello']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards every contract channel to ipcRenderer.invoke', async () => {
    const { bridge, ipcRenderer } = runPreload();
    for (const channel of CHANNELS) {
      await expect(bridge.invoke(channel, { a: 1 })).resolves.toEqual({
        ok: true,
        value: { channel, input: { a: 1 } },
      });
    }
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(CHANNELS.length);
  });

  it('refuses any channel outside the contract without touching IPC', async () => {
    const { bridge, ipcRenderer } = runPreload();
    for (const channel of ['fs.read', 'counter.info ', '', 'receipts.printed', '__proto__', 'toString']) {
      const reply = await bridge.invoke(channel, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('subscribes to contract events only, passes only the payload, and unsubscribes', () => {
    const { bridge, ipcRenderer } = runPreload();
    const listener = vi.fn();
    const event = EVENT_NAMES[0];
    if (event === undefined) throw new Error('the contract has no events');
    const unsubscribe = bridge.on(event, listener);
    const wrapped = ipcRenderer.on.mock.calls[0]?.[1] as (e: unknown, payload: unknown) => void;
    wrapped({ sender: 'secret' }, { receiptNo: 'SE1-2025-1' });
    expect(listener).toHaveBeenCalledWith({ receiptNo: 'SE1-2025-1' });
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(event, wrapped);
    expect(() => bridge.on('session.login', listener)).toThrow(/Evento sconosciuto/);
  });
});
