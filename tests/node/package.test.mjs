// The package as a user gets it (issue 19): `npm pack` the built tree, install the
// tarball into an empty directory with production dependencies only, and use it
// there through its bin (npx p9rt run / test), its ESM entry (compile, Machine)
// and its type declarations (tsc --noEmit). Needs `npm run build` first (npm test
// does it) and the npm registry or npm's cache for the production dependencies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
let dir;
let packed;

// The user's npm and npx, not the old npm some dev dependency puts in node_modules/.bin
// (first on PATH under `npm test`), which has no --pack-destination.
// Nor the npm_* settings `npm test` exports (npm_config_local_prefix would point the install at
// this repository): the install must be what a user's would be.
const PATH = (process.env.PATH ?? '').split(':').filter((d) => !d.endsWith('node_modules/.bin')).join(':');
const userEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 180_000, env: { ...userEnv, PATH }, ...opts });
  if (r.error) throw r.error;
  return r;
}

function goRun(file, cwd) {
  if (sh('sh', ['-c', 'command -v go']).status !== 0) return null;
  const r = sh('go', ['run', file], { cwd, env: { ...process.env, GOFLAGS: '-mod=mod', GO111MODULE: 'off' } });
  return r.status === 0 ? r.stdout : null;
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'p9rt-pkg-'));
  // The tree is built already; --ignore-scripts skips the prepare build.
  const r = sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root });
  assert.equal(r.status, 0, r.stderr);
  packed = JSON.parse(r.stdout)[0];
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('npm pack is lean: built JS with types, core.wasm, the Go library, README, LICENSE, CHANGELOG, examples; no tests or tooling', () => {
  const files = packed.files.map((f) => f.path);
  for (const want of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin/p9rt.js', 'build/core.wasm', 'dist/src/api/index.js', 'dist/src/api/index.d.ts', 'dist/src/api/machine.d.ts', 'dist/src/cli/main.js', 'dist/host/kernel/worker.js', 'dist/host/m/worker.js', 'src/golib/fmt/print.go', 'dist/golib/fmt.trees.json', 'examples/deadline.go', 'docs/api.md']) {
    assert.ok(files.includes(want), `${want} is in the package`);
  }
  const stray = files.filter((f) => /^(tests|tools|assembly|web|bench|host|\.ci)\//.test(f) || /_test\.go$|\.map$|\.ts$/.test(f.replace(/\.d\.ts$/, '')) || /^src\/(?!golib\/)/.test(f));
  assert.deepEqual(stray, [], 'nothing but what a user runs');
  // About 1.13 MB since net/http, httptest, bufio and net/url came with their syntax trees.
  assert.ok(packed.size < 1_300_000, `tarball ${packed.size} bytes`);
});

test('installed from the tarball with production dependencies only, it runs, tests, compiles and type-checks', async (t) => {
  const app = join(dir, 'app');
  sh('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  const inst = sh('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', join(dir, packed.filename)], { cwd: app });
  assert.equal(inst.status, 0, inst.stderr);
  // Nothing of the development tooling came along.
  const mods = readdirSync(join(app, 'node_modules'));
  for (const dev of ['typescript', 'vite', 'assemblyscript', '@as-pect', 'playwright-core']) assert.ok(!mods.includes(dev), `${dev} is not installed`);

  const hello = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello, world", 6*7)\n}\n';
  writeFileSync(join(app, 'hello.go'), hello);
  const want = goRun('hello.go', app) ?? 'hello, world 42\n';

  await t.test('npx p9rt run hello.go', () => {
    const r = sh('npx', ['--no', '--', 'p9rt', 'run', 'hello.go'], { cwd: app });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, want);
    assert.equal(r.status, 0);
  });

  await t.test('npx p9rt --version names the package version', () => {
    const r = sh('npx', ['--no', '--', 'p9rt', '--version'], { cwd: app });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `p9rt ${packed.version}\n`);
  });

  await t.test('npx p9rt test x_test.go', () => {
    writeFileSync(
      join(app, 'x_test.go'),
      'package main\n\nimport (\n\t"strings"\n\t"testing"\n)\n\nfunc TestUpper(t *testing.T) {\n\tif got := strings.ToUpper("plan 9"); got != "PLAN 9" {\n\t\tt.Fatalf("ToUpper = %q", got)\n\t}\n}\n\nfunc TestFails(t *testing.T) {\n\tt.Errorf("as it should")\n}\n',
    );
    const pass = sh('npx', ['--no', '--', 'p9rt', 'test', '-v', '-run', 'Upper', 'x_test.go'], { cwd: app });
    assert.equal(pass.status, 0, pass.stdout + pass.stderr);
    assert.match(pass.stdout, /^=== RUN   TestUpper\n--- PASS: TestUpper \([0-9.]+s\)\nPASS\nok  \tcommand-line-arguments\t/);
    const fail = sh('npx', ['--no', '--', 'p9rt', 'test', 'x_test.go'], { cwd: app });
    assert.equal(fail.status, 1);
    assert.match(fail.stdout, /--- FAIL: TestFails .*\n +x_test\.go:15: as it should\n/);
  });

  await t.test('an ESM script using compile and Machine', () => {
    writeFileSync(
      join(app, 'use.mjs'),
      `import { readFileSync } from 'node:fs';
import { compile, Machine, CompileError } from 'p9rt';
const program = compile(readFileSync('hello.go', 'utf8'), { filename: 'hello.go' });
let out = '';
const m = await Machine.start(program, { onStdout: (s) => (out += s) });
const x = await m.exited;
try {
  compile('package main\\nfunc main() { x := 1 }\\n', { filename: 'bad.go' });
} catch (e) {
  if (!(e instanceof CompileError)) throw e;
  out += e.message + '\\n';
}
process.stdout.write(JSON.stringify({ out, code: x.code, events: m.trace().length > 0 }));
`,
    );
    const r = sh('node', ['use.mjs'], { cwd: app });
    assert.equal(r.status, 0, r.stderr);
    const got = JSON.parse(r.stdout);
    assert.equal(got.out, want + 'bad.go:2:15: declared and not used: x\n');
    assert.equal(got.code, 0);
    assert.ok(got.events, 'the run was traced');
  });

  await t.test('the installed copy compiles from the shipped library trees (cold start, issue 13.2)', () => {
    const r = sh('node', ['--input-type=module', '-e', "const { nodeLoader } = await import('./node_modules/p9rt/dist/src/compiler/node-loader.js'); const f = nodeLoader('fmt'); process.stdout.write(String(f.length > 0 && f.every((x) => x.tree)));"], { cwd: app });
    assert.equal(r.stdout, 'true', r.stderr);
  });

  await t.test('tsc --noEmit on TypeScript using the API types; a misuse is a type error', () => {
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: [], lib: ['ES2022', 'DOM'] }, files: ['use.ts'] }),
    );
    writeFileSync(
      join(app, 'use.ts'),
      `import { compile, Machine, CompileError, type StartOptions, type Exit, type TraceEvent, type Runnable } from 'p9rt';
const program: Runnable = compile('package main\\nfunc main() {}\\n', { filename: 'a.go' });
const opts: StartOptions = { clock: 'virtual', seed: 7, notes: [{ at: 50, target: 'main', text: 'hangup' }], onTrace: (ev: TraceEvent[]) => void ev.length };
export async function go(): Promise<number> {
  const m = await Machine.start(program, opts);
  const x: Exit = await m.exited;
  await m.postnote(1, 'interrupt').catch((e: unknown) => e instanceof CompileError);
  return x.code;
}
`,
    );
    const ok = sh('node', [tsc, '-p', '.'], { cwd: app });
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    writeFileSync(join(app, 'use.ts'), `import { Machine, type StartOptions } from 'p9rt';\nconst o: StartOptions = { clock: 'wall' };\nvoid Machine.start({ image: new Uint8Array() }, o);\n`);
    const bad = sh('node', [tsc, '-p', '.'], { cwd: app });
    assert.notEqual(bad.status, 0, 'a wrong clock must not type-check');
    assert.match(bad.stdout, /use\.ts\(2,27\): error TS2322: Type '"wall"' is not assignable/);
  });
});
