// Issue 11: the host controls a live run. 9front's ctl interrupt (docs/plan9-notes.md
// §1.10: no note, the current or next blocking call fails "interrupted", the mark waits
// for a call), Machine.interrupt, a run that only the host can wake waits for it with the
// clock standing still, and host actions replay (docs/decisions.md "Host actions in
// virtual time"). Fixture Ms (no core.wasm): tests/node/fixtures/interrupt.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Machine, WAITING } from '../../dist/src/api/machine.js';
import { mWorker, runFixture } from './fixtures/run.mjs';
import { explain } from '../../dist/src/trace/explain.js';
import { timeline } from '../../dist/src/trace/timeline.js';

const image = (scenario) => ({ image: new TextEncoder().encode(JSON.stringify({ scenario })) });
const until = async (f, what) => {
  const t0 = Date.now();
  while (!f()) {
    if (Date.now() - t0 > 10000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};
/** The trace without ids' end event, for comparing a run with its replay. */
const story = (m) => m.trace().filter((e) => e.kind !== 'end').map((e) => JSON.stringify(e));

test('ctl interrupt ends a blocked read with "interrupted", runs no handler, loses no data', async () => {
  const r = await runFixture({ scenario: 'i_blocked' });
  assert.equal(r.stdout, 'ctl interrupt: 10 at 10\nread -1 interrupted at 10\nwrite 5\nread 5 after\n');
  assert.equal(r.code, 0);
  const intr = r.trace.find((e) => e.kind === 'interrupt');
  assert.deepEqual([intr.from, intr.to], [1, 2]);
  const ended = r.trace.find((e) => e.kind === 'sys.interrupted');
  assert.deepEqual([ended.pid, ended.sys, ended.from, ended.cause], [2, 'pread', 1, intr.id]);
  // The cause of the interrupt is the parent's write to /proc/2/ctl.
  assert.equal(r.trace[intr.cause - 1].sys, 'pwrite');
  assert.ok(!r.trace.some((e) => e.kind === 'note.post'));
  // --explain and --timeline say who ended the call.
  assert.match(explain(r.trace), /^pid 2 pread fd 3 interrupted at 10ms <- ctl interrupt from pid 1 \(g0 pwrite of \/proc\/2\/ctl\) -> pread returned -1 "interrupted"$/m);
  assert.match(timeline(r.trace), /▶ interrupt from pid 1\n/);
});

test('ctl interrupt is sticky: it survives the return to user mode and fails the next sleep at entry; nointerrupt clears it', async () => {
  const r = await runFixture({ scenario: 'i_sticky' });
  assert.equal(
    r.stdout,
    'ctl interrupt: 9\nnsec 0\nsleep -1 interrupted at 0\nsleep 0 at 10\n' +
      'ctl interrupt: 9\nctl nointerrupt: 11\nsleep 0 at 20\n',
  );
});

test('ctl interrupt of a proc between calls waits for its next blocking call', async () => {
  const r = await runFixture({ scenario: 'i_between' });
  assert.equal(r.stdout, 'ctl interrupt: 9\nchild yield 0\nchild sleep -1 interrupted at 0\n');
});

test('ctl: nointerrupt with notes waiting is refused "notes pending"; bad messages and procs are named', async () => {
  const r = await runFixture({ scenario: 'i_refusals' });
  assert.equal(
    r.stdout,
    'handler: first\nctl nointerrupt: -1 notes pending\nhandler: second\n' +
      'ctl frob: -1 unknown control message "frob 1"\n' +
      'ctl extra: -1 wrong #args in control message "interrupt now"\n' +
      'ctl empty: -1 empty control message\n' +
      'ctl gone: open file does not exist\n',
  );
  assert.equal(r.code, 0);
});

test('a scheduled host interrupt (--interrupt, StartOptions.actions) ends a sleep without a note', async () => {
  const r = await runFixture({ scenario: 'i_host' }, { actions: [{ at: 5, kind: 'interrupt', pid: 1 }] });
  assert.equal(r.stdout, 'sleep -1 interrupted at 5\n');
  const ended = r.trace.find((e) => e.kind === 'sys.interrupted');
  assert.equal(ended.from, 'host');
  assert.match(explain(r.trace), /^pid 1 sleep interrupted at 5ms <- interrupted by the host \(ctl interrupt\) -> sleep returned -1 "interrupted"$/m);
  // One to a proc that is not there is reported, and the run goes on.
  const errs = [];
  const s = await runFixture({ scenario: 'i_host' }, {
    actions: [{ at: 1, kind: 'interrupt', pid: 7 }, { at: 5, kind: 'interrupt', pid: 1 }],
    onActionError: (a, e) => errs.push([a.pid, e]),
  });
  assert.equal(s.stdout, 'sleep -1 interrupted at 5\n');
  assert.deepEqual(errs, [[7, 'no such proc: 7']]);
  await assert.rejects(() => Machine.start(image('i_host'), { mWorker, actions: [{ at: 1, kind: 'interrupt', pid: 0 }] }), /actions: interrupt of 0: not a pid/);
});

for (const clock of ['virtual', 'real']) {
  test(`${clock} clock: a run only the host can wake waits for it; interrupt, note and bad input; the clock stands still`, async () => {
    let out = '';
    const waits = [];
    const m = await Machine.start(image('i_wait'), {
      mWorker,
      clock,
      timeoutMs: 15000,
      onStdout: (s) => (out += s),
      onWaiting: (w) => waits.push(w),
    });
    await until(() => m.waiting, 'the run to wait');
    assert.equal(m.waiting, WAITING);
    assert.deepEqual(m.procs().map((p) => [p.pid, p.state, p.sys]), [[1, 'Pread', 'pread']]);
    // The pending-call table: the call and its arguments in words, since when, interruptible.
    const call = m.procs()[0].call;
    assert.deepEqual(
      { ...call, sinceWall: typeof call.sinceWall },
      { name: 'pread', args: 'fd 3 #|/data, 16 bytes at the current offset', fd: 3, path: '#|/data', count: 16, offset: -1, since: clock === 'virtual' ? 4000 : call.since, sinceWall: 'number', interruptible: true },
    );
    assert.ok(Math.abs(call.sinceWall - Date.now()) < 60_000);
    // Bad input: clear errors, and the run still waits.
    await assert.rejects(() => m.interrupt(9), /^Error: interrupt: no such proc: 9$/);
    await assert.rejects(() => m.interrupt(-1), /interrupt: -1 is not a pid/);
    await assert.rejects(() => m.postnote(9, 'x'), /postnote: no such proc: 9/);
    assert.equal(m.waiting, WAITING);
    if (clock === 'virtual') await new Promise((r) => setTimeout(r, 100)); // the clock does not move meanwhile
    await m.interrupt(1);
    await until(() => waits.length === 3, 'the second wait');
    await m.postnote(1, 'hangup');
    const x = await m.exited;
    assert.deepEqual(x, { exitString: '', code: 0, reason: 'pid 1 exited' });
    assert.deepEqual(waits, [WAITING, null, WAITING, null]);
    assert.match(out, /^reading a pipe nobody writes\nread -1 interrupted at [0-9.]+\npid 1 handler: hangup\nread -1 interrupted at [0-9.]+\n$/);
    const acts = m.actions();
    assert.deepEqual(acts.map((a) => a.kind), ['interrupt', 'note']);
    await assert.rejects(() => m.interrupt(1), /interrupt: the run is over/);
    if (clock === 'virtual') {
      // The clock stood still while the run waited (4 µs of compute before the
      // wait); the interrupt took 1 ns, the failed actions none.
      assert.equal(out.split('\n')[1], 'read -1 interrupted at 0.006001');
      assert.deepEqual(acts, [{ at: 0.004001, kind: 'interrupt', pid: 1 }, { at: 0.007002, kind: 'note', target: 1, text: 'hangup' }]);
      // Replayed from the recorded actions, with no host waiting: the same output and trace.
      let out2 = '';
      const r = await Machine.start(image('i_wait'), { mWorker, actions: acts, waitForHost: false, onStdout: (s) => (out2 += s) });
      assert.deepEqual(await r.exited, x);
      assert.equal(out2, out);
      assert.deepEqual(story(r), story(m));
    }
  });
}

test('a host action that arrives while a proc runs is taken at its next kernel entry, and replays the same', async () => {
  let out = '';
  const m = await Machine.start(image('i_busy'), { mWorker, timeoutMs: 15000, onStdout: (s) => (out += s) });
  await until(() => out.includes('busy'), 'the proc to compute');
  await new Promise((r) => setTimeout(r, 30));
  await m.postnote(1, 'ping');
  await m.exited;
  const [a] = m.actions();
  assert.equal(a.kind, 'note');
  // Taken at the entry of a call (nsec), delivered as it returns.
  assert.equal(out, `busy\nnote ping at ${a.at}\n`);
  let out2 = '';
  const r = await Machine.start(image('i_busy'), { mWorker, actions: m.actions(), onStdout: (s) => (out2 += s) });
  await r.exited;
  assert.equal(out2, out);
  assert.deepEqual(story(r), story(m));
});

test('without a host to wait for (the CLI), such a run is a deadlock, code 3', async () => {
  const r = await runFixture({ scenario: 'i_wait' }, { waitForHost: false });
  assert.equal(r.code, 3);
  assert.match(r.reason, /^deadlock: every proc is blocked/);
});
