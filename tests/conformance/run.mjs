// Runs conformance programs on p9rt in this process, one after another.
//   node tests/conformance/run.mjs [NAME...]          a report against the goldens
//   node tests/conformance/run.mjs --json NAME...     one JSON line per run (the node test's worker)
//   --engine=interp first: run them with the interpreter (default: the wasm engine, docs/backend.md)
import { compare, nameOf, programs, readGolden, runP9 } from './lib.mjs';

const args = process.argv.slice(2);
let engine = 'wasm';
if (args[0]?.startsWith('--engine=')) engine = args.shift().slice('--engine='.length);
const json = args[0] === '--json';
if (json) args.shift();
const names = args.length ? args.map(nameOf) : programs();
let passed = 0;
let failed = 0;
for (const name of names) {
  const t0 = Date.now();
  let run;
  try {
    run = await runP9(name, { engine });
  } catch (e) {
    run = { stdout: '', stderr: '', code: -1, error: `harness: ${e.stack ?? e}` };
  }
  run.ms = Date.now() - t0;
  if (json) {
    process.stdout.write(JSON.stringify({ name, ...run }) + '\n');
    continue;
  }
  const golden = readGolden(name);
  const bad = golden ? compare(run, golden) : ['no golden (node tests/conformance/golden.mjs NAME)'];
  if (bad.length) {
    failed++;
    console.log(`FAIL ${name} (${run.ms} ms)\n  ${bad.join('\n').replace(/\n/g, '\n  ')}`);
  } else {
    passed++;
    console.log(`ok   ${name} (${run.ms} ms)`);
  }
}
if (!json) console.log(`conformance: ${passed} passed, ${failed} failed, 0 skipped`);
process.exit(0);
