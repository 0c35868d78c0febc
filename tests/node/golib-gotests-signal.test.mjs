// Go's os/signal/signal_plan9_test.go, ported (tests/go/signal_plan9_test.go):
// TestSignal and TestStress in -short form, TestStop in the long form (Go
// skips it in -short). Plan 9 only, so there is no real-Go side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { p9rtTest } from './golib-lib.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(join(root, 'dist/src/cli/main.js')) && existsSync(join(root, 'build/core.wasm'));

test('TestSignal and TestStress (-short) pass under p9rt test', (t) => {
  if (!built) return t.skip('not built');
  const r = p9rtTest('signal_plan9_test.go', '-short', '-v', '-run', 'TestSignal|TestStress');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^--- PASS: TestSignal /m);
  assert.match(r.stdout, /^--- PASS: TestStress /m);
});

test('TestStop passes under p9rt test (long form)', (t) => {
  if (!built) return t.skip('not built');
  const r = p9rtTest('signal_plan9_test.go', '-v', '-run', '^TestStop$');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^--- PASS: TestStop /m);
});
