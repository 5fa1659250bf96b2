import { givenKeyStore } from '../../db/key';
import { openStation } from '../../setup/station';
import { warmUpDocuments } from '../../documents/warmup';
import { createLogger, type Logger } from '../../log/logger';
import { serveCoreProcess, type ParentPortLike } from './serve';

/**
 * Entry of the core's own process under Electron (utilityProcess.fork of this file, see
 * src-main/electron/coreProcess.ts): a long PDF render or a slow SQLite call then blocks this
 * process, never the window. Electron gives a utility process `process.parentPort`; no Electron
 * import here. The browser host keeps the core in its own process (src-main/cli/main.ts).
 */
const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (parentPort === undefined) {
  process.stderr.write('Questo file si avvia solo come processo del core di Sportello (utilityProcess di Electron).\n');
  process.exit(2);
}

let log: Logger | null = null;
serveCoreProcess(parentPort, {
  open: (options) => {
    // The same log file as the main process: both append whole lines (synchronous pino writes).
    log = createLogger(options.dataDir);
    return openStation({
      dataDir: options.dataDir,
      log,
      ...(options.counterCode === undefined ? {} : { counterCode: options.counterCode }),
      ...(options.centralUrl === undefined ? {} : { centralUrl: options.centralUrl }),
      ...(options.databaseKey === undefined ? {} : { keys: givenKeyStore(options.databaseKey) }),
    });
  },
  // The first notice after start-up must not pay for loading the PDF engine and its fonts.
  afterOpen: (core) => {
    warmUpDocuments(core).catch((err: unknown) => log?.warn({ err }, 'preparazione del motore PDF non riuscita'));
  },
  exit: (code) => process.exit(code),
});
