import { main } from '../../../src-main/cli/main';

/** Runs the real `sportello` command line from the sources (the tests need no build). */
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
