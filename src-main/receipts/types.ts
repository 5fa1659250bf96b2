export type PrintOutcome = { printed: true } | { printed: false; printError: string };
