// p9rt test: go test's output shape, -run as a regexp (per name level), -v,
// exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, p9rtTest } from './golib-lib.mjs';

const built = existsSync(join(root, 'dist/src/cli/main.js')) && existsSync(join(root, 'build/core.wasm'));
const dir = mkdtempSync(join(tmpdir(), 'p9rt-testing-'));
const file = join(dir, 'x_test.go');
writeFileSync(file, `package x_test

import "testing"

func TestA(t *testing.T) { t.Log("hi") }
func TestB(t *testing.T) {
	t.Run("sub x", func(t *testing.T) { t.Error("bad") })
	t.Run("ok1", func(t *testing.T) {})
}
func TestAb(t *testing.T) {}
`);
const secs = (s) => s.replace(/\t[0-9.]+s/g, '\tT').replace(/\([0-9.]+s\)/g, '(T)');

test('a failing run prints the failures, FAIL lines, exit 1', { skip: !built }, () => {
  const r = p9rtTest(file);
  assert.equal(secs(r.stdout),
    '--- FAIL: TestB (T)\n    --- FAIL: TestB/sub_x (T)\n        x_test.go:7: bad\nFAIL\nFAIL\tcommand-line-arguments\tT\nFAIL\n');
  assert.equal(r.status, 1);
});

test('-run is a regexp per level; a passing run without -v prints only ok', { skip: !built }, () => {
  let r = p9rtTest(file, '-run', '^TestA$');
  assert.equal(secs(r.stdout), 'ok  \tcommand-line-arguments\tT\n');
  assert.equal(r.status, 0);
  r = p9rtTest(file, '-v', '-run', '(A|B)/^ok');
  assert.equal(secs(r.stdout),
    '=== RUN   TestA\n    x_test.go:5: hi\n--- PASS: TestA (T)\n=== RUN   TestB\n=== RUN   TestB/ok1\n' +
    '--- PASS: TestB (T)\n    --- PASS: TestB/ok1 (T)\n=== RUN   TestAb\n--- PASS: TestAb (T)\nPASS\nok  \tcommand-line-arguments\tT\n');
  r = p9rtTest(file, '-run', 'Zzz');
  assert.equal(secs(r.stdout), 'ok  \tcommand-line-arguments\tT [no tests to run]\n');
  r = p9rtTest(file, '-run', '[');
  assert.equal(r.status, 1);
  assert.match(r.stdout, /invalid regexp for element 0 of -test.run/);
});
