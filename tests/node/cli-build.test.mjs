// p9rt build and compile errors, through the real compiler; running a built
// image needs the real core too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(tmpdir() + '/p9rt-build-');
const haveCompiler = existsSync(root + 'dist/src/compiler/index.js');
const haveCore = existsSync(root + 'build/core.wasm');
const p9rt = (...args) =>
  spawnSync(process.execPath, [root + 'bin/p9rt.js', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });

test('a compile error is file:line:col: message on stderr, exit code 2, nothing runs', (t) => {
  if (!haveCompiler) return t.skip('compiler not built');
  writeFileSync(`${dir}/bad.go`, 'package main\n\nfunc main() {\n\tundefinedThing()\n}\n');
  for (const cmd of ['run', 'build']) {
    const r = p9rt(cmd, 'bad.go');
    assert.equal(r.status, 2, cmd);
    assert.match(r.stderr, /^bad\.go:4:2: .*undefinedThing/m);
    assert.equal(r.stdout, '');
  }
});

test('build -o writes the image; run accepts the built image and os.Args gets the arguments', (t) => {
  if (!haveCompiler || !haveCore) return t.skip('compiler or core not built');
  writeFileSync(
    `${dir}/args.go`,
    'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tfmt.Println(len(os.Args), os.Args[1:])\n}\n',
  );
  let r = p9rt('build', '-o', 'args.p9img', 'args.go');
  assert.equal(r.status, 0, r.stderr);
  const img = readFileSync(`${dir}/args.p9img`);
  assert.equal(img.readUInt32LE(0), 0x39726270);
  r = p9rt('run', 'args.p9img', 'a', 'b c');
  assert.equal(r.stdout, '3 [a b c]\n', r.stderr);
  r = p9rt('run', 'args.go', 'x');
  assert.equal(r.stdout, '2 [x]\n', r.stderr);
});

test('an image is known by its magic number, not its name; a broken one is a clear error', (t) => {
  if (!haveCompiler || !haveCore) return t.skip('compiler or core not built');
  writeFileSync(`${dir}/hi.go`, 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n');
  let r = p9rt('build', '-o', 'hi.img', 'hi.go');
  assert.equal(r.status, 0, r.stderr);
  r = p9rt('run', 'hi.img');
  assert.equal(r.stdout, 'hi\n', r.stderr);
  writeFileSync(`${dir}/junk.p9img`, 'not an image');
  r = p9rt('run', 'junk.p9img');
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'p9rt: junk.p9img: not a p9rt image\n');
  const img = readFileSync(`${dir}/hi.img`);
  img.writeUInt32LE(99, 4);
  writeFileSync(`${dir}/old.img`, img);
  r = p9rt('run', 'old.img');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^p9rt: old\.img: image version 99, this p9rt runs version 1: rebuild it\n$/);
});
