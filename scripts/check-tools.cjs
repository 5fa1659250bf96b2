#!/usr/bin/env node
// Before the tests: the system programs they drive. Chromium runs the end-to-end tests (Playwright
// cannot download a browser here); poppler's pdftoppm and pdftotext, zbar's zbarimg and dmtx-utils'
// dmtxread read the printed notices back. When one is missing this prints the one line that
// installs what is missing (Debian) and fails, before minutes of tests fail one by one.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

/** [program, Debian package]; Chromium is looked for where playwright.config.ts looks. */
const TOOLS = [
  ['pdftoppm', 'poppler-utils'],
  ['pdftotext', 'poppler-utils'],
  ['zbarimg', 'zbar-tools'],
  ['dmtxread', 'dmtx-utils'],
];

function onPath(program) {
  const which = process.platform === 'win32' ? 'where' : 'which';
  return spawnSync(which, [program], { stdio: 'ignore' }).status === 0;
}

function missingPackages() {
  const missing = new Set();
  const chromium = process.env.SPORTELLO_CHROMIUM ?? (process.platform === 'linux' ? '/usr/bin/chromium' : null);
  if (chromium !== null && !fs.existsSync(chromium)) missing.add('chromium');
  for (const [program, pkg] of TOOLS) if (!onPath(program)) missing.add(pkg);
  return [...missing];
}

const missing = missingPackages();
if (missing.length > 0) {
  process.stderr.write(
    `I test hanno bisogno di programmi di sistema che mancano. Installarli con:\n` +
      `  apt-get install -y ${missing.join(' ')}\n`,
  );
  process.exit(1);
}
