// The Go library's syntax trees, made at build time (npm run build:trees, after build:ts)
// and shipped in the package: dist/golib/<import path>.trees.json, one per package.
//
// Parsing the library is most of what a cold `p9rt run hello.go` spent compiling (about four
// fifths: fmt and its dependencies are 17 packages, parsed by @lezer/go on every run), while
// reading these trees back is a JSON.parse. The Node loader (src/compiler/node-loader.ts) hands
// a tree to the compiler only when the hash of the .go file it was made from still matches, so a
// library edited after the build is parsed from source as before. The trees are the compiler's
// own (parse.ts), so a program compiled from them is byte for byte the one compiled from source
// (tests/node/package-coldstart.test.mjs checks it).
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFile } from '../dist/src/compiler/parse.js';
import { parserHash, sourceHash } from '../dist/src/compiler/node-loader.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const golib = join(root, 'src/golib');
const out = join(root, 'dist/golib');

function packages(dir, path = '') {
  const found = [];
  const names = readdirSync(dir).sort();
  const files = names.filter((n) => n.endsWith('.go') && !n.endsWith('_test.go'));
  if (files.length) found.push({ path, dir, files });
  for (const n of names) if (statSync(join(dir, n)).isDirectory()) found.push(...packages(join(dir, n), path ? `${path}/${n}` : n));
  return found;
}

let count = 0;
let bytes = 0;
for (const pkg of packages(golib)) {
  const trees = pkg.files.map((n) => {
    const name = `src/golib/${pkg.path}/${n}`;
    const source = readFileSync(join(pkg.dir, n), 'utf8');
    return { name, hash: sourceHash(source), tree: parseFile(name, source) };
  });
  const file = join(out, `${pkg.path}.trees.json`);
  mkdirSync(dirname(file), { recursive: true });
  const text = JSON.stringify({ parser: parserHash(), trees });
  writeFileSync(file, text);
  count++;
  bytes += text.length;
}
console.log(`gentrees: ${count} packages, ${(bytes / 1024).toFixed(0)} KiB of trees in dist/golib/`);
