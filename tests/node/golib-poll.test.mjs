// internal/poll's rules (docs/plan9-notes.md §5 items 21-29) and issue 57114's
// interleaving, each run under the current logic and under --poll=go1.19.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root, p9rtRun } from './golib-lib.mjs';

const built = existsSync(join(root, 'dist/src/cli/main.js')) && existsSync(join(root, 'build/core.wasm'));
const prog = (f) => join(root, 'tests/go/programs', f);

const ITEMS = (now) =>
  '21 past: 0 true 0 true\n' +
  now +
  '27 zero: 0 <nil>\n' +
  '23 setup: 40\n' +
  '24 late: 1 <nil> 0 true\n' +
  '29 close: 0 true\n';

test('§5 items 21, 23, 24, 26, 27, 29 under the current poll; a deadline of exactly now is past', { skip: !built }, () => {
  const r = p9rtRun(prog('poll_items.go'));
  assert.equal(r.stdout, ITEMS('21 now: 0 true\n'), r.stderr);
  assert.equal(r.status, 0);
});

test('the same under --poll=go1.19, where a deadline of exactly now was ignored (#60282)', { skip: !built }, () => {
  const r = p9rtRun(prog('poll_items.go'), ['--poll=go1.19']);
  assert.equal(r.stdout, ITEMS('21 now: 4 false\n'), r.stderr);
  assert.equal(r.status, 0);
});

test('issue 57114 (§5 item 22): a deadline cleared while its timer callback runs leaves go1.19 timed out, not the fix', { skip: !built }, () => {
  const fixed = p9rtRun(prog('issue57114_race.go'));
  assert.equal(fixed.stdout, 'runs 400 stale 0\n', fixed.stderr);
  const old = p9rtRun(prog('issue57114_race.go'), ['--poll=go1.19']);
  const m = /^runs 400 stale ([0-9]+)\n$/.exec(old.stdout);
  assert.ok(m, old.stdout + old.stderr);
  assert.ok(Number(m[1]) > 0, 'the race window was never hit under go1.19');
});

test('--poll rejects an unknown variant', { skip: !built }, () => {
  const r = p9rtRun(prog('poll_items.go'), ['--poll=go1.20']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--poll: "go1.20" \(want current or go1.19\)/);
});
