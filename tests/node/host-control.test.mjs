// Issue 11 with real Go programs (core.wasm, the compiler): a blocked program waits for the host
// on both clocks, Machine.interrupt ends its Read as Go's Plan 9 port sees an interrupted read,
// the recorded actions replay the run, and p9rt run --interrupt does the same from the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { built, root } from './lib/run-go.mjs';

const api = built ? await import(root + 'dist/src/api/index.js') : null;
const source = readFileSync(root + 'examples/pending.go', 'utf8');
const until = async (f, what) => {
  const t0 = Date.now();
  while (!f()) {
    if (Date.now() - t0 > 30000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
const tail = 'Read returned 0, read tcp 127.0.0.1:40001->127.0.0.1:40000: i/o timeout\nthe connection still works: "hello after the interrupt", <nil>\n';

for (const clock of ['virtual', 'real']) {
  test(`${clock} clock: pending.go waits for the host; Machine.interrupt ends its Read, the conn stays usable`, { skip: !built }, async () => {
    const program = api.compile(source, { filename: 'pending.go' });
    let out = '';
    const m = await api.Machine.start(program, { clock, timeoutMs: 60_000, onStdout: (s) => (out += s), onStderr: (s) => (out += s) });
    await until(() => m.waiting, 'the run to wait');
    assert.equal(m.waiting, api.WAITING);
    const reader = m.procs().find((p) => p.state === 'Pread');
    assert.ok(reader, JSON.stringify(m.procs()));
    // The pending-call table names the call, its file and the Go code that made it.
    const c = reader.call;
    // (Which fd it is depends on the order of the procs' opens, which only virtual time fixes.)
    assert.match(c.args, /^fd \d+ \/net\/tcp\/1\/data, 64 bytes at the current offset$/);
    assert.deepEqual([c.name, c.path, c.count, c.interruptible, c.func, c.file], ['pread', '/net/tcp/1/data', 64, true, 'main.main', 'pending.go']);
    // ... and the Go operation the program called, as a Go stack trace names it.
    assert.equal(c.op, 'net.(*TCPConn).Read');
    assert.equal(c.line, source.split('\n').findIndex((l) => l.includes('n, err := conn.Read(buf)')) + 1);
    assert.ok(c.goroutine > 1, `goroutine ${c.goroutine}`);
    await m.interrupt(reader.pid);
    const x = await m.exited;
    assert.deepEqual(x, { exitString: '', code: 0, reason: 'pid 1 exited' });
    assert.equal(out, 'Read waits for a peer that says nothing, with no deadline\n' + tail);
    const ended = m.trace().find((e) => e.kind === 'sys.interrupted');
    assert.deepEqual([ended.pid, ended.sys, ended.from], [reader.pid, 'pread', 'host']);
    assert.ok(!m.trace().some((e) => e.kind === 'note.post' && e.id < ended.id), 'no note was posted');
    if (clock === 'virtual') {
      // The recorded interrupt replays the run, event for event.
      const [a] = m.actions();
      assert.deepEqual({ kind: a.kind, pid: a.pid }, { kind: 'interrupt', pid: reader.pid });
      let out2 = '';
      const r = await api.Machine.start(program, { actions: m.actions(), waitForHost: false, onStdout: (s) => (out2 += s) });
      await r.exited;
      assert.equal(out2, out);
      const strip = (t) => t.filter((e) => e.kind !== 'end');
      assert.deepEqual(strip(r.trace()), strip(m.trace()));
    }
  });
}

test('p9rt run: pending.go is a deadlock (exit 3) alone, and runs to its end with --interrupt', { skip: !built }, () => {
  const p9rt = (...args) => spawnSync(process.execPath, [root + 'bin/p9rt.js', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  let r = p9rt('run', 'examples/pending.go');
  assert.equal(r.status, 3);
  // The deadlock report lists the blocked call (the Go code that made it only in a traced run).
  assert.match(r.stderr, /^p9rt: deadlock: every proc is blocked in the kernel and no timer is pending\np9rt: {3}pid 1: pread\(fd \d+ \/net\/tcp\/1\/data, 64 bytes at the current offset\) since [^,]+\np9rt: {3}\(--trace, --timeline or --explain also names the Go code that made each call\)\n$/);
  r = p9rt('run', '--explain', 'examples/pending.go');
  assert.equal(r.status, 3);
  assert.match(r.stderr, /\np9rt: {3}pid 1: pread\(fd \d+ \/net\/tcp\/1\/data, 64 bytes at the current offset\) since [^,]+, in net\.\(\*TCPConn\)\.Read at pending\.go:\d+, g\d+\n$/);
  r = p9rt('run', '--interrupt', '1ms:1', '--explain', 'examples/pending.go');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'Read waits for a peer that says nothing, with no deadline\n' + tail);
  assert.match(r.stderr, /^pid 1 pread fd \d+ interrupted at 1ms \(pending\.go:\d+\) <- interrupted by the host \(ctl interrupt\) -> Read returned i\/o timeout$/m);
});

test('p9rt/pending: List shows a Read in flight, Interrupt from another goroutine ends it with an *InterruptError, not a timeout', { skip: !built }, async () => {
  const program = api.compile(readFileSync(root + 'tests/go/programs/pending_interrupt.go', 'utf8'), { filename: 'pending_interrupt.go' });
  let out = '';
  const m = await api.Machine.start(program, { waitForHost: false, onStdout: (s) => (out += s), onStderr: (s) => (out += s) });
  const x = await m.exited;
  assert.equal(x.code, 0, out);
  const op = 'read /net/tcp/1/data (pread, 64 bytes)';
  assert.equal(
    out,
    'in flight before the Read: 0\n' +
      'in flight: 1 read pread 64 bytes /net/tcp/1/data\n' +
      `String: ${op}\n` +
      'Interrupt: <nil>\n' +
      `Read: read tcp 127.0.0.1:40001->127.0.0.1:40000: interrupted by pending.Interrupt: ${op}\n` +
      'errors.As InterruptError: true timeout: false\n' +
      `again: pending.Interrupt: ${op}: the operation is over\n` +
      'next Read: "still here" <nil>, in flight: 0\n' +
      'deadline: true false\n',
  );
  // Built on ctl interrupt, not on a note: the call's end names the writer of /proc/n/ctl.
  const ended = m.trace().find((e) => e.kind === 'sys.interrupted');
  assert.equal(typeof ended.from, 'number');
  assert.ok(!m.trace().some((e) => e.kind === 'note.post' && e.id < ended.id), 'no note was posted');
  const { explain } = await import(root + 'dist/src/trace/explain.js');
  assert.match(explain(m.trace()), new RegExp(`^pid ${ended.pid} pread fd \\d+ interrupted at [0-9.]+ms \\(pending_interrupt\\.go:\\d+\\) <- ctl interrupt from pid ${ended.from} \\(g\\d+ pwrite of /proc/${ended.pid}/ctl, pending_interrupt\\.go:\\d+\\)`, 'm'));
});

test('p9rt/pending lists an os.File read and ends it: examples/stalled.go, on both clocks', { skip: !built }, () => {
  const want =
    'stalled: read |0 (pread, 64 bytes)\ninterrupt: <nil>\n' +
    'the Read returned: read |0: interrupted by pending.Interrupt: read |0 (pread, 64 bytes)\n' +
    'ended by pending.Interrupt: true - a timeout: false\n' +
    'retried Read: "the writer is back", <nil>; reads in flight: 0\n';
  for (const flags of [['--explain'], ['--realtime']]) {
    const r = spawnSync(process.execPath, [root + 'bin/p9rt.js', 'run', ...flags, 'examples/stalled.go'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.stdout, want, r.stderr);
    assert.equal(r.status, 0, r.stderr);
    // No note: the program's own ctl interrupt ended the pread.
    if (flags[0] === '--explain') assert.match(r.stderr, /^pid \d+ pread fd \d+ interrupted at 100\.\d+ms \(stalled\.go:\d+\) <- ctl interrupt from pid \d+ \(g\d+ pwrite of \/proc\/\d+\/ctl, stalled\.go:\d+\)/m);
  }
});

test('procs() is current in an untraced run too (trace: false)', { skip: !built }, async () => {
  const source = 'package main\n\nimport (\n\t"fmt"\n\t"time"\n)\n\nfunc main() {\n\tfmt.Println("asleep")\n\ttime.Sleep(time.Hour)\n}\n';
  const program = api.compile(source, { filename: 'sleep.go' });
  let out = '';
  const m = await api.Machine.start(program, { clock: 'real', trace: false, onStdout: (s) => (out += s) });
  try {
    await until(() => out === 'asleep\n', 'the program to print');
    // The kernel reports the view without a trace: pid 1 shows up asleep in its call.
    await until(() => m.procs().some((p) => p.pid === 1 && p.call?.interruptible), 'pid 1 asleep in procs()');
    assert.deepEqual(m.trace(), []);
  } finally {
    m.stop();
  }
  assert.equal((await m.exited).reason, 'stopped');
});
