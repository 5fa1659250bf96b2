#!/usr/bin/env node
'use strict';
// The `sportello` command: runs the compiled CLI (npm install builds it in `prepare`).
const fs = require('node:fs');
const path = require('node:path');

const entry = path.join(__dirname, '..', 'dist', 'src-main', 'cli', 'main.js');
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
