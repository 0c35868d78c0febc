// host/kernel/qio.ts on its own: the queue the pipe, tcp and udp devices share.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Queue } from '../../dist/host/kernel/qio.js';
import { Block } from '../../dist/host/kernel/portdat.js';
import { KError } from '../../dist/host/kernel/error.js';

/**
 * Just enough kernel for proc.ts's wakeup, with one sleeper on each Rendez
 * the test watches: every wakeup makes it ready, which counts and puts it
 * back to sleep.
 */
function kernel() {
  const woke = new Map();
  const ready = {
    push(p) {
      woke.set(p.home, (woke.get(p.home) ?? 0) + 1);
      p.state = 'blocked';
      p.r = p.home;
      p.home.procs.add(p);
    },
  };
  const watch = (...rs) => {
    for (const r of rs) r.procs.add({ state: 'blocked', r, tmo: null, home: r });
  };
  return { woke, watch, ready, clock: { cancel() {} }, opts: { realtime: false } };
}
const bytes = (s) => new TextEncoder().encode(s);
const text = (b) => new TextDecoder().decode(b);

test('a byte stream reads across blocks and waits, consuming nothing, when empty', () => {
  const k = kernel();
  const q = new Queue(8);
  k.watch(q.r);
  assert.ok(q.read(k, 4) instanceof Block);
  assert.equal(q.bwrite(k, {}, bytes('abc')), 3);
  assert.equal(q.bwrite(k, {}, bytes('defg')), 4);
  assert.equal(k.woke.get(q.r), 2);
  assert.equal(text(q.read(k, 5)), 'abcde');
  assert.equal(q.len, 2);
  assert.equal(text(q.read(k, 5)), 'fg');
  assert.ok(q.read(k, 1) instanceof Block);
  assert.equal(q.read(k, 0).length, 0);
});

test('a write queues once, then waits for room until a read or a hangup', () => {
  const k = kernel();
  const q = new Queue(4);
  k.watch(q.w);
  const x = {};
  const r = q.bwrite(k, x, bytes('123456'));
  assert.ok(r instanceof Block && r.r === q.w);
  assert.ok(q.bwrite(k, x, bytes('123456')) instanceof Block, 'still no room');
  assert.equal(q.len, 6, 'the re-driven write queued nothing more');
  q.read(k, 3);
  assert.equal(k.woke.get(q.w), 1);
  assert.equal(q.bwrite(k, x, bytes('123456')), 6);
  const y = {};
  assert.ok(q.bwrite(k, y, bytes('78')) instanceof Block);
  q.hangup(k);
  assert.equal(q.bwrite(k, y, bytes('78')), 2);
});

test('a hung-up queue drains, then gives end of file or its error', () => {
  const k = kernel();
  const eof = new Queue(64);
  eof.bwrite(k, {}, bytes('xy'));
  eof.hangup(k);
  assert.equal(text(eof.read(k, 10)), 'xy');
  assert.equal(eof.read(k, 10).length, 0);
  const hup = new Queue(64);
  hup.hangup(k, 'Hangup');
  assert.throws(() => hup.read(k, 10), (e) => e instanceof KError && e.message === 'Hangup');
  hup.reopen();
  assert.ok(hup.read(k, 10) instanceof Block);
});

test('a message queue reads one block, loses the rest, and drops what does not fit', () => {
  const k = kernel();
  const q = new Queue(6, true);
  assert.equal(q.produce(k, bytes('hello')), true);
  assert.equal(q.produce(k, bytes('big')), false);
  assert.equal(q.produce(k, bytes('!')), true);
  assert.equal(text(q.read(k, 3)), 'hel');
  assert.equal(text(q.read(k, 3)), '!');
  assert.equal(q.len, 0);
});
