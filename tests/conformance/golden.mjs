// Writes NAME.golden for the named programs (all when none is named) from
// real Go's run of them: `node tests/conformance/golden.mjs [NAME...]`.
// Goldens are never written by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dir, formatGolden, nameOf, haveGo, programs, runGo, stderrPattern } from './lib.mjs';

if (!haveGo) {
  console.error('golden: no Go toolchain (go) on PATH');
  process.exit(1);
}
const names = process.argv.length > 2 ? process.argv.slice(2).map(nameOf) : programs();
let failed = 0;
const queue = [...names];
async function worker() {
  for (let name; (name = queue.shift()); ) {
    const r = await runGo(name);
    if (r.error) {
      failed++;
      console.error(`${name}: ${r.error}`);
      continue;
    }
    writeFileSync(join(dir, name + '.golden'), formatGolden({ exit: r.code, stderr: stderrPattern(r.stderr), stdout: r.stdout }));
  }
}
await Promise.all([worker(), worker(), worker()]);
console.log(`golden: ${names.length - failed} written, ${failed} failed`);
process.exit(failed ? 1 : 0);
