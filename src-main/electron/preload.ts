import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, EVENT_NAMES } from '../../shared/contract';
import { createSportelloBridge } from './bridge';

/**
 * The preload of the Sportello window. The window is sandboxed, and a sandboxed preload can
 * require only 'electron' and a few built-ins, not our own files: so this file is bundled into one
 * self-contained script by scripts/build-preload.mjs, which replaces the contract module with the
 * lists of channel and event names computed from it at build time (the preload then carries no
 * zod and no schemas, only the names).
 */
contextBridge.exposeInMainWorld(
  'sportello',
  createSportelloBridge(ipcRenderer, { channels: CHANNELS, events: EVENT_NAMES }),
);
