// Go's own net tests, ported to the Go subset (tests/go/*_test.go, their
// adaptations listed in each header), run by `p9rt test` in virtual time and,
// when a Go toolchain is installed, by real `go test` too, so the ports stay
// honest: both must pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(join(root, 'dist/src/cli/main.js')) && existsSync(join(root, 'build/core.wasm'));
const haveGo = !spawnSync('go', ['version']).error;

import { p9rtTest } from './golib-lib.mjs';

function goTest(file, ...flags) {
  return spawnSync('go', ['test', '-count=1', ...flags, file], {
    cwd: join(root, 'tests/go'), encoding: 'utf8', timeout: 300_000,
    env: { ...process.env, GO111MODULE: 'off', GOFLAGS: '' },
  });
}

// Every test that ran, with its result, from -v output.
function results(out) {
  return [...out.matchAll(/^--- (PASS|FAIL|SKIP): (\S+)/gm)].map((m) => `${m[2]} ${m[1]}`).sort();
}

const TIMEOUT_TESTS = [
  'TestConcurrentSetDeadline PASS',
  'TestDialTimeoutMaxDuration PASS',
  'TestReadFromTimeout PASS',
  'TestReadFromTimeoutFluctuation PASS',
  'TestReadTimeout PASS',
  'TestReadTimeoutFluctuation PASS',
  'TestReadWriteDeadlineRace PASS',
  'TestVariousDeadlines PASS',
  'TestVariousDeadlines1Proc SKIP',
  'TestVariousDeadlines4Proc SKIP',
  'TestWriteTimeout PASS',
  'TestWriteToTimeout PASS',
];

test('net/timeout_test.go port passes under p9rt test -short (virtual time)', (t) => {
  if (!built) return t.skip('not built');
  const r = p9rtTest('net_timeout_test.go', '-short', '-v');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^ok  \tcommand-line-arguments\t[0-9.]+s\n$/m);
  const got = results(r.stdout).filter((l) => !l.includes('/'));
  assert.deepEqual(got, TIMEOUT_TESTS);
  // TestVariousDeadlines timed out for real at every timeout of the short table.
  assert.equal((r.stdout.match(/good timeout after/g) ?? []).length, 13, r.stdout);
});

test('net/net_test.go port passes under p9rt test (virtual time)', (t) => {
  if (!built) return t.skip('not built');
  const r = p9rtTest('net_test.go', '-v');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.deepEqual(results(r.stdout), [
    'TestCloseUnblocksRead PASS',
    'TestCloseUnblocksReadUDP PASS',
    'TestNotTemporaryRead PASS',
    'TestReadTimeoutUnblocksRead PASS',
    'TestZeroByteRead PASS',
  ]);
  assert.match(r.stdout, /^    --- PASS: TestZeroByteRead\/tcp /m);
});

test('the portable ports pass under real go test too', (t) => {
  if (!haveGo) return t.skip('no Go toolchain');
  for (const f of ['net_timeout_test.go', 'net_test.go']) {
    const r = goTest(f, '-short', '-v');
    assert.equal(r.status, 0, `${f}:\n${r.stdout}${r.stderr}`);
    assert.match(r.stdout, /^ok  \tcommand-line-arguments/m);
  }
  const r = goTest('net_timeout_test.go', '-short', '-v');
  assert.deepEqual(results(r.stdout).filter((l) => !l.includes('/')), TIMEOUT_TESTS);
});
