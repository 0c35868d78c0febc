// The kernel conformance suite: one test per note rule of
// docs/plan9-notes.md §1 and per §5 items 1-13, 4th edition behaviour,
// each asserting what a program observes (return values, errstr, what its
// handler saw, exit strings, wait records, which proc died, what stayed
// queued). Scripted procs (fixtures/conformance.mjs) drive the real kernel
// through the real host/m glue; virtual time makes every run exact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFixture } from './fixtures/run.mjs';

/** Run a scenario; when it prints "spinning", the host posts `interrupt` to pid 1 (Machine.postnote). */
async function run(scenario, extra = {}, opts = {}) {
  let posted = false;
  return runFixture(
    { scenario, ...extra },
    {
      ...opts,
      onStdout: (s, m) => {
        if (!posted && s.includes('spinning')) {
          posted = true;
          m.postnote(1, 'interrupt');
        }
      },
    },
  );
}
const lines = (s) => s.split('\n').filter(Boolean);

test('§5.1 a note to a proc in user mode is delivered at its next syscall return, and delivery clears notepending', async () => {
  const r = await run('c_user', { via: 'nsec' });
  // nsec does not sleep: not interrupted; the later sleep is not interrupted either.
  assert.equal(r.stdout, 'spinning\nhandler: interrupt\nafter nsec\nsleep 0 at 10000000\n');
});

test('§5.1 / §1.5 a proc that makes no syscall gets its note at a safepoint (TICK, the clock tick\'s stand-in)', async () => {
  const r = await run('c_user', { via: 'tick' });
  assert.equal(r.stdout, 'spinning\nhandler: interrupt\nafter tick\nsleep 0 at 10000000\n');
});

test('§5.2 a note to a proc asleep in a syscall: handler first, then -1 "interrupted"', async () => {
  const r = await run('c_sleep');
  assert.equal(r.stdout, 'post 6\nchild: hangup\nsleep -1 interrupted at 20000000\nawait 2 0 0 0 \'\'\n');
});

test('§5.3 a note pending at syscall entry fails the sleep at once (no time passes)', async () => {
  const r = await run('entry');
  assert.equal(r.stdout, 'spinning\nhandler: interrupt\nsleep -1 interrupted clock 0\n');
});

test('§5.4 a syscall that need not sleep is not interrupted; its data is returned, the handler runs at its exit', async () => {
  const r = await run('c_noneed');
  assert.equal(r.stdout, 'spinning\nhandler: interrupt\nread 5 hello\n');
});

test('§5.5 condition satisfied and note pending: "interrupted" wins and the data stays queued', async () => {
  for (const seed of [1, 2, 3]) {
    const r = await run('c_both', {}, { seed });
    assert.equal(r.stdout, 'child: hangup\nread1 -1 interrupted\nread2 4 data\n', `seed ${seed}`);
  }
});

test('§5.5 / §1.4 semacquire: the interrupted waiter passes the release on, none is lost', async () => {
  for (const seed of [1, 2]) {
    const r = await run('c_sema', {}, { seed });
    assert.deepEqual(lines(r.stdout).sort(), ['child1 acquire -1 interrupted', 'child1: hangup', 'child2 acquire 1', 'count 0'], `seed ${seed}`);
  }
});

test('§5.6 an interrupted write has queued its data and still returns -1', async () => {
  const r = await run('c_write');
  assert.equal(r.stdout, 'handler: hangup\nwrite -1 interrupted\nchild read 70000\n');
});

test('§5.7 FIFO of five: notes posted during the handler are held, then delivered one by one after noted; the sixth is refused', async () => {
  const r = await run('fullqueue');
  assert.equal(
    r.stdout,
    'handler: a\npost n6: -1 note not posted\n' + [1, 2, 3, 4, 5].map((i) => `handler: n${i}\n`).join('') + 'done\n',
  );
});

test('§5.7 / §1.14 (4e) the refused sixth note still interrupts its target\'s sleep', async () => {
  const r = await run('c_full');
  assert.equal(
    r.stdout,
    'handler: a\npost n6: -1 note not posted\nhandler sleep -1 interrupted at 100000000\n' +
      [1, 2, 3, 4, 5].map((i) => `handler: n${i}\n`).join('') + 'done\n',
  );
});

test('§5.8 / §1.10 ctl kill: the handler never sees it; the proc exits "Killed" and its parent is told', async () => {
  const r = await run('c_kill');
  assert.equal(
    r.stdout,
    "ctl 4\nawait 2 0 0 0 'main 2: Killed'\nstatus -1 process exited\nawait again -1 no living children\n",
  );
  assert.ok(r.trace.some((e) => e.kind === 'note.post' && e.text === 'sys: killed' && e.to === 2));
});

test('§5.8 an NDebug note with no handler: "suicide" on stderr, the proc is Broken until ctl kill releases it', async () => {
  const r = await run('c_ndebug');
  assert.equal(
    r.stdout,
    "state Broken\nawait 2 0 0 0 'main 2: sys: bad sys call pc=0x00000000'\nctl 4\nstatus -1 process exited\n",
  );
  assert.equal(r.stderr, 'main 2: bad sys call number 999 pc 0\nmain 2: suicide: sys: bad sys call pc=0x00000000\n');
});

test('§5.8 a system note while in the handler wipes the held notes and kills (Broken, suicide)', async () => {
  const r = await run('c_ndebugHandler');
  assert.equal(r.stdout, 'handler: a\n');
  assert.equal(r.exitString, 'sys: bad sys call pc=0x00000000');
  assert.equal(r.reason, 'pid 1 broken');
  assert.match(r.stderr, /main 1: suicide: sys: bad sys call pc=0x00000000\n$/);
  const p1 = r.machine.procs().find((p) => p.pid === 1);
  assert.equal(p1.state, 'Broken');
  assert.ok(!p1.notes.includes('held1') && !p1.notes.includes('held2'), `held notes survived: ${p1.notes}`);
  assert.ok(!r.trace.some((e) => e.kind === 'note.deliver' && e.text.startsWith('held')));
});

test('§5.9 an NUser note with no handler: the proc exits with the note; the wait record is "<name> <pid>: <note>"', async () => {
  const r = await run('c_nohandler');
  assert.equal(r.stdout, "await 2 0 0 0 'main 2: hangup'\nawait again -1 no living children\n");
  const p2 = r.machine.procs().find((p) => p.pid === 2);
  assert.equal(p2.exitString, 'hangup');
  assert.equal(p2.waitmsg, 'main 2: hangup');
});

test('§5.10 notepg reaches every proc of the writer\'s group but the writer; RFNOTEG starts a new group', async () => {
  const r = await run('c_notepg');
  assert.deepEqual(lines(r.stdout), ['noteids 1 1 2', 'notepg 9', 'child1: interrupt', 'child1 sleep -1', 'child2 sleep 0']);
});

test('§5.11 a note of 127 bytes or more is refused ("read or write too large"); 126 passes', async () => {
  const r = await run('toolong');
  assert.equal(r.stdout, 'handler got 126 bytes\n126: 126\n127: -1 read or write too large\n');
});

test('§5.11 / §1.6 sys: notes get " pc=0x%08x" at delivery, cut to fit ERRMAX-1 bytes', async () => {
  const r = await run('c_pc');
  assert.equal(
    r.stdout,
    'handler got 127 bytes: ...yyyyyy pc=0x00000000\nhandler got 24 bytes: ... short pc=0x00000000\n',
  );
});

test('§5.12 rfork: the child inherits the handler and (4e) the pending notes; rfork\'s own return delivers nothing', async () => {
  const r = await run('c_rfork');
  assert.equal(r.stdout, 'spinning\nrfork 2\nparent: interrupt\nchild runs\nchild: interrupt\n');
});

test('§5.13 alarm: posts "alarm"; a new call replaces the old and returns the ms left; 0 cancels', async () => {
  const r = await run('c_alarm');
  assert.equal(
    r.stdout,
    'alarm 0\nalarm 100\nhandler: alarm\nsleep -1 interrupted at 30000000\nalarm 0\ncancel 30\nsleep 0 at 150000000\n',
  );
});

test('§1.10 reading /proc/n/note takes the oldest note out: it is never delivered', async () => {
  const r = await run('c_noteread');
  assert.equal(r.stdout, 'read first\nchild: second\nchild sleep -1\n');
});

test('§1.7 noted outside a handler: the proc dies "Suicide" and is Broken', async () => {
  const r = await run('c_notedOutside');
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'main 1: call to noted() when not notified\n');
  assert.equal(r.exitString, 'Suicide');
  assert.equal(r.reason, 'pid 1 broken');
});

test('§1.7 noted(NDFLT) exits quietly with the note; an unknown mode counts as NDebug: suicide', async () => {
  const d = await run('ndflt');
  assert.equal(d.stdout, 'still here\n');
  assert.equal(d.stderr, '');
  assert.deepEqual([d.exitString, d.reason], ['die', 'pid 1 exited']);
  const b = await run('c_notedBad');
  assert.equal(b.stderr, 'main 1: unknown noted arg 0x7\nmain 1: suicide: boom\n');
  assert.deepEqual([b.exitString, b.reason], ['boom', 'pid 1 broken']);
});

test('§1.10 /proc: permissions, errors and the status line', async () => {
  const r = await run('c_perm');
  assert.equal(
    r.stdout,
    'notepg read: permission denied\n' +
      'notepg write: ok\n' +
      'ctl read: permission denied\n' +
      'status write: permission denied\n' +
      'no such proc: file does not exist\n' +
      'no such file: file does not exist\n' +
      'bad ctl: -1 unknown control message "frobnicate"\n' +
      'bad noteid: -1 bad arg in system call\n' +
      `status: ${JSON.stringify('main'.padEnd(28) + 'glenda'.padEnd(28) + 'Pread'.padEnd(28) + '      ')}\n`,
  );
});

test('§1.4 sleep(0) yields and is never interrupted; sleep(1) is one tick; tsemacquire: 0 on timeout, -1 interrupted', async () => {
  const r = await run('c_sleeps');
  assert.equal(
    r.stdout,
    'spinning\nhandler: interrupt\nsleep0 0\nsleep1 0 at 10000000\ntsem 0 at 15000000\nhandler: alarm\ntsem -1 interrupted at 35000000\n',
  );
});

test('§1.13 exit strings: empty is success, long ones are cut to ERRMAX-1 bytes', async () => {
  const r = await run('c_exits');
  const [a, b, c] = lines(r.stdout);
  assert.equal(a, "await 2 0 0 0 ''");
  assert.ok(b.startsWith("await 3 0 0 0 'main 3: zzz"), b);
  assert.equal(c, 'await -1 no living children');
  const p3 = r.machine.procs().find((p) => p.pid === 3);
  assert.equal(p3.exitString, 'z'.repeat(127));
});

test('virtual time charges compute: instructions reported at kernel entry move the clock and fire timers', async () => {
  const r = await run('c_charge');
  assert.equal(r.stdout, 'handler: alarm\nnsec 5000000\nnsec 5001000\n');
});

test('Machine.procs(): pid, state, call, pending notes, handler state, group, exit', async () => {
  let view = null;
  const r = await runFixture(
    { scenario: 'hostnote' },
    {
      onStdout: () => {},
      notes: [{ at: 5000, target: 'main', text: 'late' }],
      timeoutMs: 15000,
    },
  );
  view = r.machine.procs();
  const p1 = view.find((p) => p.pid === 1);
  assert.deepEqual(Object.keys(p1).sort(), ['call', 'exitString', 'handler', 'noteid', 'notes', 'notified', 'pid', 'state', 'sys', 'waitmsg'].sort());
  assert.equal(p1.handler, true);
  assert.equal(p1.noteid, 1);
  assert.equal(p1.exitString, '');
});

test('files: preloaded into the file tree, stdin from the host, Plan 9 error strings', async () => {
  const r = await runFixture(
    { scenario: 'c_files' },
    { files: { '/data/in.txt': 'from the host' }, stdin: 'line one\nline two\n' },
  );
  assert.equal(
    r.stdout,
    'preloaded from the host\n' +
      'stdin "line one\\nline two\\n"\n' +
      'open dir for write: -1 file is a directory\n' +
      'create under a file: -1 not a directory\n' +
      'remove full dir: -1 directory not empty\n' +
      'pwrite past end: 1\n' +
      'length 21\n',
  );
});
