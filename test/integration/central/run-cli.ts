import { main as devMain } from '../../../dev/cli';
import { main as counterMain } from '../../../src-main/cli/main';

/** Runs the real `sportello` command line from the sources (the tests need no build), split as bin/sportello.cjs splits it. */
const argv = process.argv.slice(2);
void (argv[0] === 'serve' ? counterMain(argv) : devMain(argv)).then((code) => {
  process.exitCode = code;
});
