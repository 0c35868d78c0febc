// p9rt explore (issue 15, docs/explore.md): it finds issue 57114 under
// --poll=go1.19 in the 990µs program and the one-instant program, finds
// nothing with the fixed poll in the same budget, shrinks what it finds to
// one forced choice, saves a schedule that p9rt run --schedule replays
// exactly (and explains), refuses a schedule of another program or
// version, reports a program that always fails on its first run, and
// rejects bad input. Fixed seeds and budgets: every figure here is the same
// on every machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './golib-lib.mjs';

const built = existsSync(join(root, 'dist/src/cli/main.js')) && existsSync(join(root, 'build/core.wasm'));
const prog = (f) => join(root, 'tests/go/programs', f);
const p9rt = (...args) => spawnSync(process.execPath, [join(root, 'bin/p9rt.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 300_000 });
const BUDGET = ['--runs', '6', '--jobs', '2'];

for (const f of ['issue57114_late.go', 'issue57114_instant.go']) {
  test(`explore finds issue 57114 in ${f} under --poll=go1.19, shrinks it to one forced choice, and run --schedule replays it`, { skip: !built }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'p9rt-explore-'));
    try {
      const r = p9rt('explore', ...BUDGET, '--poll=go1.19', '--out', dir, '--json', join(dir, 'report.json'), prog(f));
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /: 1 failure\n/);
      assert.match(r.stdout, /FAIL 1: exit: exit "1": read: read tcp [0-9.:>-]+: i\/o timeout\n/);
      assert.match(r.stdout, /shrunk to 1 /);
      assert.match(r.stdout, /coverage: [0-9]+ distinct interleavings/);
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
      assert.equal(report.runs, 6);
      assert.equal(report.failsAlways, false);
      const file = join(dir, f.replace('.go', '.fail1.schedule.json'));
      const s = JSON.parse(readFileSync(file, 'utf8'));
      assert.equal(s.options.poll, 'go1.19');
      assert.equal(s.run.picks.length, 1, JSON.stringify(s.run));
      assert.deepEqual([s.run.timers, s.run.wakes, s.run.notes, s.run.steps], [[], [], [], []]);
      // Replayed exactly: the same failure, and the explanation names the window.
      const rp = p9rt('run', '--schedule', file, '--explain', prog(f));
      assert.equal(rp.status, 1, rp.stderr);
      assert.match(rp.stdout, /^read: read tcp .*: i\/o timeout\n$/);
      assert.match(rp.stderr, /forced choice at choice point [0-9]+: g[0-9]+ runs, where Go's order runs g[0-9]+/);
      assert.match(rp.stderr, /SetReadDeadline\(0\): the deadline is cleared .*, while g[0-9]+, the callback of the timer of SetReadDeadline \+1ms .* that already fired, has not run yet/);
      assert.match(rp.stderr, /the window of Go issue 57114/);
      // Without the schedule the program passes, as p9rt run runs it.
      const plain = p9rt('run', '--poll=go1.19', prog(f));
      assert.equal(plain.status, 0, plain.stdout + plain.stderr);
      // The same schedule under the fixed poll is refused: it belongs to --poll=go1.19.
      const fixed = p9rt('run', '--schedule', file, '--poll=current', prog(f));
      assert.equal(fixed.status, 2);
      assert.match(fixed.stderr, /runs with --poll=go1.19; --poll=current contradicts it/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test(`explore finds nothing in ${f} with the fixed poll in the same budget`, { skip: !built }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'p9rt-explore-'));
    try {
      const r = p9rt('explore', ...BUDGET, '--out', dir, prog(f));
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /: 6 runs in .*: no failure\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a schedule of another program or another p9rt version is refused by name', { skip: !built }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'p9rt-explore-'));
  try {
    const r = p9rt('explore', '--runs', '4', '--poll=go1.19', '--out', dir, prog('issue57114_late.go'));
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const file = join(dir, 'issue57114_late.fail1.schedule.json');
    const other = p9rt('run', '--schedule', file, prog('issue57114_instant.go'));
    assert.equal(other.status, 2);
    assert.match(other.stderr, /made for another program \(.*issue57114_late\.go, sha256 [0-9a-f]{12}…\), not .*issue57114_instant\.go/);
    const s = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...s, p9rt: '0.0.1' }));
    const old = p9rt('run', '--schedule', file, prog('issue57114_late.go'));
    assert.equal(old.status, 2);
    assert.match(old.stderr, /made by p9rt 0\.0\.1; this is p9rt [0-9.]+, whose choice points differ: explore again/);
    writeFileSync(file, 'not json');
    const junk = p9rt('run', '--schedule', file, prog('issue57114_late.go'));
    assert.equal(junk.status, 2);
    assert.match(junk.stderr, /not a schedule file/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a program that always fails is reported on the first run, not searched', { skip: !built }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'p9rt-explore-'));
  try {
    const r = p9rt('explore', '--runs', '50', '--out', dir, prog('always_fails.go'));
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /: 1 runs in .*: 1 failure\n/);
    assert.match(r.stdout, /the program fails on its first run, as p9rt run runs it: not searched/);
    assert.match(r.stdout, /FAIL 1: panic: panic: assignment to entry in nil map/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('explore rejects a budget of zero and bad flags with exit 2', { skip: !built }, () => {
  for (const [args, msg] of [
    [['--runs', '0'], /--runs: a budget of 0 runs explores nothing/],
    [['--time', '0s'], /--time: a budget of 0 explores nothing/],
    [['--timer-late', 'soon'], /--timer-late: "soon" is not LO\.\.HI\[@P\]|--timer-late: "soon" is not a duration/],
    [['--io-late', '1ms..0ms'], /--io-late: "1ms\.\.0ms" is not LO\.\.HI/],
    [['--notes', 'hangup@any:later'], /--notes: phase "later" is not entry, sleep or exit/],
    [['--shard', '3/2'], /--shard: "3\/2" is not K\/N/],
    [['--depth', 'x'], /--depth: "x" is not a whole number/],
    [['--bogus'], /unknown flag --bogus/],
  ]) {
    const r = p9rt('explore', ...args, prog('issue57114_late.go'));
    assert.equal(r.status, 2, args.join(' ') + ': ' + r.stdout + r.stderr);
    assert.match(r.stderr, msg);
  }
  const none = p9rt('explore', '--runs', '3');
  assert.equal(none.status, 2);
  assert.match(none.stderr, /explore: no FILE\.go/);
});
