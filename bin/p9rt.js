#!/usr/bin/env node
// The p9rt command (docs/language.md "The command line"). The TypeScript is built
// into dist/ by `npm run build` (npm install runs it through "prepare").
import { main } from '../dist/src/cli/main.js';

const code = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
// Let stdout and stderr drain before the process ends.
process.exitCode = code;
