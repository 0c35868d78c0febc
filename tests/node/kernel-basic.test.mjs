// The kernel's process and file calls, driven by fixture Ms (no core.wasm):
// output streams, exit strings, pids, virtual time, semaphores, the proc
// limit, deadlock and timeout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFixture } from './fixtures/run.mjs';

test('stdout and stderr of /dev/cons reach the host; empty exit string is success', async () => {
  const r = await runFixture({ scenario: 'hello' });
  assert.equal(r.stdout, 'hello from pid 1\n');
  assert.equal(r.stderr, 'to stderr\n');
  assert.equal(r.exitString, '');
  assert.equal(r.code, 0);
});

test('the exit string of pid 1 decides the exit code', async () => {
  for (const [s, code] of [['', 0], ['3', 3], ['boom', 1]]) {
    const r = await runFixture({ scenario: 'exit', s });
    assert.equal(r.exitString, s);
    assert.equal(r.code, code, `exits(${JSON.stringify(s)})`);
    assert.equal(r.reason, 'pid 1 exited');
  }
});

test('a core abort ends the run with exit code 2, as a Go fatal error does, its text on stderr', async () => {
  const r = await runFixture({ scenario: 'abort' });
  assert.equal(r.stdout, 'before the abort\n');
  assert.equal(r.stderr, 'p9rt: pid 1: assertion failed at assembly/runtime/x.ts:1:1\n');
  assert.equal(r.code, 2);
  assert.equal(r.reason, 'core abort');
});

test('#c/pid and /dev/pid give the reading proc its own pid, as %11d', async () => {
  const r = await runFixture({ scenario: 'pid' });
  assert.equal(r.stdout, '[          1 ]\nchild 2\n[          2 ]\n');
});

test('virtual time: sleeps and timeouts jump the clock, costing no wall time', async () => {
  const r = await runFixture({ scenario: 'clock' });
  assert.equal(
    r.stdout,
    't0 0\nafter sleep 5000000000\ntsemacquire 0 at 5250000000\nalarm 0\nalarm 1000\nwall fast\n',
  );
  assert.ok(r.trace.some((e) => e.kind === 'clock'));
});

test('semacquire sleeps until semrelease; a non-blocking acquire of 0 returns 0', async () => {
  const r = await runFixture({ scenario: 'sema' });
  assert.equal(r.stdout, 'release 1\nchild acquire 1 at 10000000\nnonblocking acquire 0\n');
});

test('rfork beyond --max-procs fails with an error naming the limit', async () => {
  const r = await runFixture({ scenario: 'maxprocs' }, { maxProcs: 3 });
  assert.equal(
    r.stdout,
    'rfork 2\nrfork 3\n' +
      'rfork -1 no procs: the limit of 3 procs is reached (--max-procs)\n'.repeat(2),
  );
  assert.equal(r.code, 0);
});

test('every proc blocked with no timer pending ends the run with code 3 when no host waits on it', async () => {
  const r = await runFixture({ scenario: 'deadlock' }, { waitForHost: false });
  assert.equal(r.stdout, 'waiting for a call that never comes\n');
  assert.equal(r.code, 3);
  assert.match(r.reason, /^deadlock/);
});

test('the wall-clock timeout stops a proc that never enters the kernel', async () => {
  const t0 = Date.now();
  const r = await runFixture({ scenario: 'spin' }, { timeoutMs: 400 });
  assert.equal(r.code, 3);
  assert.equal(r.reason, 'timeout');
  assert.ok(Date.now() - t0 < 5000);
});

test('/dev/args holds the program name and its arguments, NUL-terminated', async () => {
  const r = await runFixture({ scenario: 'args' }, { args: ['-x', 'two words'] });
  assert.equal(r.stdout, '["main","-x","two words",""]\n');
});

test('the file tree: create, write, seek, read, truncate, errors, remove', async () => {
  const r = await runFixture({ scenario: 'files' });
  assert.equal(
    r.stdout,
    'create true write 11\n' +
      'seek end 11 seek 0 0 read hello, file\n' +
      'reopen hello|, file|0\n' +
      'truncated 0\n' +
      'missing -1 file does not exist\n' +
      'nodir -1 file does not exist\n' +
      'mkdir true\n' +
      'excl -1 file already exists\n' +
      'remove 0 again -1 file does not exist\n',
  );
});

test('pipes: data, end of file after the last close, a write to a closed pipe posts a note', async () => {
  const r = await runFixture({ scenario: 'pipe' });
  assert.equal(
    r.stdout,
    'child read through the pipe\nchild read at eof 0\n' +
      'handler: sys: write on closed pipe pc=0x00000000\nwrite to closed: -1 i/o on hungup channel\n',
  );
});
