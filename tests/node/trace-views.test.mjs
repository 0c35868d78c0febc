// The trace (docs/trace.md): the cause chain on examples/deadline.go, the
// Chrome JSON validated against the format's rules, the timeline and
// --explain of both examples, every event kind, byte-identical traces for
// one seed, and an untraced run that records nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compile } from '../../dist/src/api/index.js';
import { Machine } from '../../dist/src/api/machine.js';
import { chromeTrace, validateChrome, timeline, explain, TraceIndex } from '../../dist/src/trace/index.js';
import { runFixture } from './fixtures/run.mjs';

const root = new URL('../../', import.meta.url);
const programs = new Map();
function program(path) {
  if (!programs.has(path)) programs.set(path, compile(readFileSync(new URL(path, root), 'utf8'), { filename: path }));
  return programs.get(path);
}

async function run(path, opts = {}) {
  let out = '';
  const live = [];
  const m = await Machine.start(program(path), { ...opts, onStdout: (s) => (out += s), onTrace: (b) => live.push(...b) });
  const x = await m.exited;
  return { out, ...x, trace: m.trace(), live };
}

/** 1-based line of the first line of the file at path holding s. */
const lineOf = (path, s) => readFileSync(new URL(path, root), 'utf8').split('\n').findIndex((l) => l.includes(s)) + 1;
/** --explain text with its times (which follow the runtime's costs) as Tms. */
const untimed = (s) => s.replace(/\b\d+(\.\d+)?ms\b/g, 'Tms');

const deadline = run('examples/deadline.go');
const hangup = run('examples/hangup.go');

test('deadline.go: the cause chain runs deadline -> timer -> Cancel -> note -> interrupted pread -> ErrDeadlineExceeded', async () => {
  const r = await deadline;
  assert.match(r.out, /deadline exceeded: true/);
  const ix = new TraceIndex(r.trace);
  r.trace.forEach((e, i) => assert.equal(e.id, i + 1));
  const timeout = r.trace.find((e) => e.kind === 'io.timeout');
  assert.ok(timeout, 'io.timeout recorded');
  const kinds = ix.chain(timeout).map((e) => e.kind);
  assert.deepEqual(kinds, ['io.timeout', 'sys.interrupted', 'note.post', 'io.cancel', 'timer.fire', 'timer.set', 'deadline']);
  const [, intr, post, cancel, fire, set, dl] = ix.chain(timeout);
  assert.equal(intr.sys, 'pread');
  assert.equal(post.text, 'hangup');
  assert.equal(post.to, intr.pid);
  assert.equal(cancel.to, intr.pid);
  assert.equal(fire.timer, set.timer);
  assert.equal(dl.mode, 'r');
  assert.equal(dl.d, 50e6);
  assert.equal(intr.t - dl.t >= 50e6, true);
  // every link carries time, pid, M and G
  for (const e of [intr, post, cancel, fire, set, dl]) {
    assert.equal(typeof e.t, 'number');
    assert.equal(e.m, e.pid);
    assert.equal(typeof e.g, 'number');
  }
  // and the note's delivery and the handler's decision hang off the same post
  const deliver = ix.effects.get(post.id).find((e) => e.kind === 'note.deliver');
  const handler = ix.effects.get(deliver.id).find((e) => e.kind === 'note.handler');
  assert.equal(handler.decision, 'ignoredNote');
  assert.equal(handler.note, 'hangup');
  assert.equal(ix.effects.get(deliver.id).find((e) => e.kind === 'noted').mode, 0);
});

test('deadline.go: the Chrome JSON is valid (fields, balanced and nested slices, async tracks, flows)', async () => {
  const r = await deadline;
  const j = JSON.parse(chromeTrace(r.trace));
  assert.deepEqual(validateChrome(j), []);
  assert.equal(j.p9rt.version, 1);
  const ev = j.traceEvents;
  assert.ok(ev.some((e) => e.ph === 'M' && e.name === 'thread_name' && /^M2 \(pid 2\)$/.test(e.args.name)));
  assert.ok(ev.some((e) => e.ph === 'M' && e.name === 'process_name' && /^note group 1/.test(e.args.name)));
  assert.ok(ev.some((e) => e.ph === 'B' && e.name === 'pread'));
  assert.ok(ev.some((e) => e.ph === 'b' && e.cat === 'goroutine'));
  const s = ev.find((e) => e.ph === 's');
  const f = ev.find((e) => e.ph === 'f' && e.id === s.id);
  assert.ok(s && f, 'a flow arrow from the poster to the interrupted call');
  assert.notEqual(s.tid, f.tid);
  // the validator does catch what it is meant to
  const bad = { traceEvents: [...ev, { name: 'x', ph: 'E', ts: 1e12, pid: 1, tid: 1 }] };
  assert.notDeepEqual(validateChrome(bad), []);
  const overlap = { traceEvents: [
    { name: 'a', ph: 'B', ts: 0, pid: 1, tid: 1 }, { name: 'b', ph: 'B', ts: 1, pid: 1, tid: 1 },
    { name: 'a', ph: 'E', ts: 2, pid: 1, tid: 1 }, { name: 'b', ph: 'E', ts: 3, pid: 1, tid: 1 },
  ] };
  assert.match(validateChrome(overlap).join('\n'), /overlap/);
});

test('deadline.go: --explain prints the chain on one line', async () => {
  const r = await deadline;
  const lines = explain(r.trace).trim().split('\n');
  assert.match(lines[0], /^pid \d+ pread fd \d+ interrupted at 50(\.\d+)?ms \(/);
  // Exact but for the times: the Read's line, and the timer's goroutine at the
  // SetReadDeadline line that set the timer (docs/trace.md "Source positions").
  const read = lineOf('examples/deadline.go', 'n, err := conn.Read(buf)');
  const set = lineOf('examples/deadline.go', 'conn.SetReadDeadline(time.Now()');
  assert.equal(
    untimed(lines[0]),
    `pid 2 pread fd 5 interrupted at Tms (deadline.go:${read}) <- "hangup" from pid 3 (g4 timer for SetReadDeadline at Tms, deadline.go:${set}) -> Read returned i/o timeout [handler: ignoredNote]`,
  );
  // the program's end interrupts the idle Ms with go: exit
  assert.ok(lines.length > 1);
  assert.ok(lines.slice(1).every((l) => /^pid \d+ semacquire interrupted at [\d.]+ms <- "go: exit " from pid 2 \(g1 exiting: goexitsall\) -> semacquire returned -1 "interrupted" \[handler: goexit\]$/.test(l)), lines.join('\n'));
});

test('deadline.go: the timeline has a column per proc, spans, the note arrow and the decision, in 80 columns', async () => {
  const r = await deadline;
  const t = timeline(r.trace);
  const lines = t.split('\n');
  assert.match(lines[1], /^\s+pid 1\s+pid 2\s+pid 3$/);
  for (const l of lines) assert.ok([...l].length <= 80, `too wide: ${l}`);
  assert.doesNotMatch(t, /\x1b\[/);
  assert.match(t, /SetReadDeadline \+50ms/);
  assert.match(t, /┬ pread fd \d+/);
  // The timer's M (pid 3, started when pid 2's pread slept) posts to pid 2, on its left.
  assert.match(t, /"hangup" ◀─+•/);
  assert.match(t, /"go: exit " ─+▶ note/);
  assert.match(t, /┴ pread interrupted/);
  assert.match(t, /handler: ignoredNote/);
  assert.match(t, /Read: i\/o timeout/);
  assert.match(t, /run ends: exit string "" \(pid 1 exited\)/);
  // the arrow's row: the target's column holds the head
  const row = lines.find((l) => l.includes('▶ note'));
  assert.ok(row.indexOf('▶') > row.indexOf('"hangup"'));
  // A leftward arrow (pid 2's "go: exit" to pid 1) starts at the poster's
  // column, where pid 2's other events are written.
  const back = lines.find((l) => l.includes('"go: exit " ◀'));
  assert.ok(back, t);
  assert.equal(back.indexOf('•'), lines[1].indexOf('pid 2'), back);
  assert.match(timeline(r.trace, { color: true }), /\x1b\[33m/);
});

test('hangup.go: timeline and --explain show the self-posted hangup killing the program', async () => {
  const r = await hangup;
  assert.equal(r.exitString, 'hangup');
  const t = timeline(r.trace);
  assert.match(t, /▶ "hangup" from self/);
  assert.match(t, /deliver "hangup"/);
  assert.match(t, /handler: kill/);
  assert.match(t, /exits "hangup"/);
  const signal = lineOf('examples/hangup.go', 'p.Signal(syscall.Note("hangup"))');
  assert.equal(untimed(explain(r.trace)), `pid 1 kill by "hangup" at Tms <- "hangup" from pid 1 (g1 pwrite, hangup.go:${signal})\n`);
  assert.deepEqual(validateChrome(JSON.parse(chromeTrace(r.trace))), []);
});

test('the live subscription sees the same events as trace()', async () => {
  const r = await deadline;
  assert.deepEqual(r.live, r.trace);
});

test('every event kind of the schema is recorded by some program', async () => {
  const kinds = new Set();
  for (const r of [await deadline, await hangup, await run('tests/node/fixtures/trace-kinds.go')]) {
    for (const e of r.trace) kinds.add(e.kind);
  }
  const fq = await runFixture({ scenario: 'fullqueue' });
  for (const e of fq.trace) kinds.add(e.kind);
  const nh = await runFixture({ scenario: 'nohandler' });
  for (const e of nh.trace) kinds.add(e.kind);
  const want = [
    'boot', 'proc.start', 'proc.exit', 'rfork', 'sys.enter', 'sys.block', 'sys.exit', 'sys.interrupted',
    'note.post', 'note.deliver', 'note.held', 'note.kill', 'noted', 'clock', 'end',
    'go.create', 'go.start', 'go.block', 'go.unblock', 'go.end', 'go.syscall', 'go.sysexit', 'p.handoff',
    'timer.set', 'timer.fire', 'timer.stop', 'timer.reset', 'note.handler', 'm.ignorehangup',
    'deadline', 'io.cancel', 'io.timeout', 'region.end',
  ];
  assert.deepEqual(want.filter((k) => !kinds.has(k)), []);
  assert.ok(fq.trace.some((e) => e.kind === 'note.post' && e.result === 'refused'));
});

test('same seed, byte-identical trace files; an untraced run records nothing and prints the same', async () => {
  const a = await deadline;
  const b = await run('examples/deadline.go');
  assert.equal(chromeTrace(b.trace), chromeTrace(a.trace));
  const off = await run('examples/deadline.go', { trace: false });
  assert.equal(off.out, a.out);
  assert.deepEqual(off.trace, []);
});
