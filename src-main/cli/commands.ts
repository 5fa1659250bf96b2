/** A command of the `sportello` command line: its arguments in, the exit code out. */
export type Command = (args: string[]) => Promise<number>;

/**
 * Runs the command `argv[0]` names among `commands`: help or no command prints the usage, an unknown
 * command or a thrown error is told in Italian on stderr. Shared by the counter's command line
 * (src-main/cli/main.ts) and the development one (dev/cli.ts). Returns the exit code.
 */
export async function runCommand(argv: string[], usage: string, commands: Record<string, Command>): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(`${usage}\n`);
      return command === undefined ? 2 : 0;
    }
    const run = Object.hasOwn(commands, command) ? commands[command] : undefined;
    if (!run) {
      process.stderr.write(`Comando sconosciuto: ${command}\n${usage}\n`);
      return 2;
    }
    return await run(rest);
  } catch (e) {
    process.stderr.write(`Errore: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
