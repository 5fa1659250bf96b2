import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { CounterClient } from './counter-client';

const SERVE_CHILD = path.join(__dirname, 'serve-child.ts');

export interface CounterProcessOptions {
  counterCode: string;
  dataDir: string;
  centralUrl: string;
  /** Operator who logs in after every start. */
  operator: { code: string; pin: string };
}

/**
 * One counter PC: `sportello serve --central URL` in its own process (from the sources, via tsx),
 * which the soak may SIGKILL at any moment and start again on the same data folder.
 */
export class CounterProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private stderr = '';
  client: CounterClient | null = null;
  url = '';
  starts = 0;

  constructor(readonly opts: CounterProcessOptions) {}

  get code(): string {
    return this.opts.counterCode;
  }

  /** Starts the process and resolves once its browser host printed its URL. */
  async start(): Promise<CounterClient> {
    if (this.child) throw new Error(`${this.code}: già avviato`);
    const { dataDir, counterCode, centralUrl } = this.opts;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        SERVE_CHILD,
        'serve',
        '--port',
        '0',
        '--data',
        dataDir,
        '--counter',
        counterCode,
        '--no-printer',
        '--central',
        centralUrl,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    this.stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (c: string) => {
      // Only the tail matters when a start fails.
      this.stderr = (this.stderr + c).slice(-4000);
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const url = await new Promise<string>((resolve, reject) => {
      const lines = readline.createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        const m = /^SPORTELLO_URL=(\S+)$/.exec(line);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code, signal) =>
        reject(new Error(`${counterCode}: serve uscito (${code ?? signal}) prima di essere pronto:\n${this.stderr}`)),
      );
    });
    this.starts++;
    this.url = url;
    this.client = new CounterClient(url);
    return this.client;
  }

  /** Starts and logs the operator in (sessions do not survive a restart). */
  async startAndLogin(): Promise<CounterClient> {
    const client = await this.start();
    await client.must('session.login', { operator: this.opts.operator.code, pin: this.opts.operator.pin });
    return client;
  }

  /** SIGKILL: no handler runs, like a power cut. Resolves when the process is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await this.exited;
    this.child = null;
    this.client = null;
  }

  /** SIGTERM: the orderly stop (closes the sync and the database). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await this.exited;
    this.child = null;
    this.client = null;
  }

  /** The client of the running process; throws when it is not running. */
  get rpc(): CounterClient {
    if (!this.client) throw new Error(`${this.code}: non in esecuzione`);
    return this.client;
  }
}
