/**
 * The real `sportello serve` command, run from the sources (node --import tsx serve-child.ts
 * serve --port 0 --data DIR --counter CODE --central URL): the soak tests need no build and
 * always exercise the code as it is now.
 */
import { main } from '../../src-main/cli/main';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
