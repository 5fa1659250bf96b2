#!/usr/bin/env node
'use strict';
// The `sportello` command: runs the compiled CLI (npm install builds it in `prepare`). `serve` is the
// counter's own command line (src-main/cli); the rest (demo data, the central service emulator,
// help) is the development command line (dev/cli), which is not part of the installed app.
const fs = require('node:fs');
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist');
const entry =
  process.argv[2] === 'serve' ? path.join(dist, 'src-main', 'cli', 'main.js') : path.join(dist, 'dev', 'cli.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('Sportello non è compilato: eseguire "npm run build".\n');
  process.exit(1);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
    if (code !== 0 || process.argv[2] !== 'serve') process.exit(code);
  });
