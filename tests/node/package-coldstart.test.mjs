// What makes a cold `p9rt run` fast (issue 13 item 2) must not change what runs: the
// library's syntax trees built with the package (tools/gentrees.mjs) give the same image
// byte for byte as parsing the sources, a tree made from other text is not used, and the
// CLI's image cache gives back exactly the image compiling gives, keyed on everything the
// image depends on. (Timings are bench/coldstart.mjs's business, not a test's.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = root + 'bin/p9rt.js';
let dir;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'p9rt-cold-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function p9rt(args, env = {}) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir, timeout: 120_000, env: { ...process.env, ...env } });
}

test('the built trees exist and the loader hands them to the compiler', async () => {
  assert.ok(existsSync(join(root, 'dist/golib/fmt.trees.json')), 'npm run build made dist/golib/fmt.trees.json');
  const { nodeLoader } = await import('../../dist/src/compiler/node-loader.js');
  const fmt = nodeLoader('fmt');
  assert.ok(fmt.length > 0 && fmt.every((f) => f.tree), 'every file of fmt comes with its tree');
});

test('a program compiled from the built trees is byte for byte the one compiled from source', () => {
  for (const file of ['examples/deadline.go', 'examples/notify.go', 'examples/backgroundread.go']) {
    const out = (tag) => join(dir, `${tag}.p9img`);
    const a = p9rt(['build', '-o', out('trees'), join(root, file)], { P9RT_CACHE: 'off' });
    const b = p9rt(['build', '-o', out('source'), join(root, file)], { P9RT_CACHE: 'off', P9RT_NO_TREES: '1' });
    assert.equal(a.status, 0, a.stderr);
    assert.equal(b.status, 0, b.stderr);
    assert.ok(readFileSync(out('trees')).equals(readFileSync(out('source'))), `${file}: same image`);
  }
});

test('a tree is used only for the text it was made from', async () => {
  const { usableTree, sourceHash } = await import('../../dist/src/compiler/node-loader.js');
  const tree = { file: {}, diags: [] };
  const entry = { name: 'src/golib/x/x.go', hash: sourceHash('package x\n'), tree };
  assert.equal(usableTree(entry, 'package x\n'), tree);
  assert.equal(usableTree(entry, 'package x\n\nvar y int\n'), undefined, 'the file changed after the build');
  assert.equal(usableTree(undefined, 'package x\n'), undefined, 'no tree built');
});

test('the image cache: the second run starts from the first run\'s image, same output; off with P9RT_CACHE=off', () => {
  const cache = join(dir, 'cache');
  writeFileSync(join(dir, 'hi.go'), 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hi", 7)\n}\n');
  const first = p9rt(['run', 'hi.go'], { P9RT_CACHE: cache });
  assert.equal(first.status, 0, first.stderr);
  assert.equal(first.stdout, 'hi 7\n');
  const entries = readdirSync(cache).filter((n) => n.endsWith('.p9img'));
  assert.equal(entries.length, 1, 'one image kept');
  const built = p9rt(['build', '-o', 'hi.p9img', 'hi.go'], { P9RT_CACHE: 'off' });
  assert.equal(built.status, 0, built.stderr);
  assert.ok(readFileSync(join(cache, entries[0])).equals(readFileSync(join(dir, 'hi.p9img'))), 'the cached image is what compiling gives');
  const second = p9rt(['run', 'hi.go'], { P9RT_CACHE: cache });
  assert.equal(second.stdout, 'hi 7\n');
  assert.deepEqual(readdirSync(cache).filter((n) => n.endsWith('.p9img')), entries, 'the same entry served it');
  // A changed program is a new entry; a compile error is not kept.
  writeFileSync(join(dir, 'hi.go'), 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hi", 8)\n}\n');
  assert.equal(p9rt(['run', 'hi.go'], { P9RT_CACHE: cache }).stdout, 'hi 8\n');
  writeFileSync(join(dir, 'bad.go'), 'package main\n\nfunc main() {\n\tx := 1\n}\n');
  const bad = p9rt(['run', 'bad.go'], { P9RT_CACHE: cache });
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, 'bad.go:4:2: declared and not used: x\n');
  assert.equal(readdirSync(cache).filter((n) => n.endsWith('.p9img')).length, 2);
  // p9rt test goes through the cache too, with the generated main in the key.
  writeFileSync(join(dir, 'x_test.go'), 'package main\n\nimport "testing"\n\nfunc TestX(t *testing.T) { t.Log("x") }\n');
  for (let i = 0; i < 2; i++) {
    const r = p9rt(['test', '-v', 'x_test.go'], { P9RT_CACHE: cache });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^=== RUN   TestX\n    x_test\.go:5: x\n--- PASS: TestX/);
  }
  assert.equal(readdirSync(cache).filter((n) => n.endsWith('.p9img')).length, 3);
  const off = join(dir, 'off');
  assert.equal(p9rt(['run', 'hi.go'], { P9RT_CACHE: 'off', XDG_CACHE_HOME: off }).stdout, 'hi 8\n');
  assert.ok(!existsSync(off), 'P9RT_CACHE=off writes nothing');
});
