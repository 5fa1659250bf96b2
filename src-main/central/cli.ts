/**
 * `sportello central ...`: the central service emulator (being written). Until it exists the
 * command says so and fails, so nothing can mistake it for a working emulator.
 */
export function centralCommand(_args: string[]): Promise<number> {
  process.stderr.write("Errore: l'emulatore del servizio centrale non è ancora disponibile in questa versione.\n");
  return Promise.resolve(1);
}
