// src/trace/view.ts, what the playground's timeline draws, on real runs: built batch by batch
// as a live run reports it, it equals the model built from the whole trace; lanes hold their
// shapes in time order (what the picture's binary searches rely on); the replay's steps leave
// out lock internals; the cause chain of the interrupted pread; source lines; tick labels.
// Also src/api/notes.ts, the --note syntax the CLI and the playground share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compile } from '../../dist/src/api/index.js';
import { Machine } from '../../dist/src/api/machine.js';
import { TraceView, describe, fmtTick, niceStep, roundBelow } from '../../dist/src/trace/view.js';
import { formatNotes, parseDuration, parseNote, parseNotes } from '../../dist/src/api/notes.js';

const root = new URL('../../', import.meta.url);

async function run(path, opts = {}) {
  const batches = [];
  const m = await Machine.start(compile(readFileSync(new URL(path, root), 'utf8'), { filename: path.split('/').pop() }), {
    ...opts,
    onStdout: () => {},
    onTrace: (b) => batches.push(b),
  });
  await m.exited;
  return { trace: m.trace(), batches };
}

const deadline = run('examples/deadline.go');

/** The model's content, comparable with deepEqual. */
function shape(v) {
  return {
    procs: v.lanes().map((p) => ({ pid: p.pid, t0: p.t0, t1: p.t1, exit: p.exit, sys: p.sys.map((s) => [s.sys, s.t0, s.t1, s.interrupted, s.idle]), markers: p.markers.map((m) => [m.kind, m.t, m.label]) })),
    gos: v.goroutines().map((g) => v.gos.get(g).map((s) => [s.goid, s.pid, s.t0, s.t1, s.insys])),
    notes: v.notes.map((n) => [n.from, n.to, n.text, n.t0, n.t1, n.decision]),
    times: v.times,
    steps: v.steps,
    interrupted: v.interrupted,
    clocks: v.clocks,
    end: v.end,
  };
}

test('built live, batch by batch, the model equals the one built from the whole trace', async () => {
  const { trace, batches } = await deadline;
  assert.ok(batches.length > 1, 'the run reported its trace in several batches');
  const live = new TraceView();
  for (const b of batches) live.add(b);
  assert.deepEqual(shape(live), shape(new TraceView(trace)));
});

test('every lane holds its shapes in time order, without overlap', async () => {
  const v = new TraceView((await deadline).trace);
  for (const p of v.lanes()) {
    for (let i = 1; i < p.sys.length; i++) assert.ok(p.sys[i].t0 >= p.sys[i - 1].t1, `pid ${p.pid} call ${i}`);
    for (let i = 1; i < p.markers.length; i++) assert.ok(p.markers[i].t >= p.markers[i - 1].t, `pid ${p.pid} marker ${i}`);
  }
  for (const [g, spans] of v.gos) for (let i = 1; i < spans.length; i++) assert.ok(spans[i].t0 >= spans[i - 1].t1, `g${g} stretch ${i}`);
  for (let i = 1; i < v.times.length; i++) assert.ok(v.times[i] > v.times[i - 1]);
  for (let i = 1; i < v.notes.length; i++) assert.ok(v.notes[i].t0 >= v.notes[i - 1].t0);
});

test('the replay steps through the story: calls, notes, handler decisions, goroutine switches; no lock internals', async () => {
  const v = new TraceView((await deadline).trace);
  const steps = v.steps.map((i) => v.events[i]);
  // Fewer than half: a run whose Ms keep the P through calls that do not sleep
  // (docs/design.md "Threads") has little scheduling around its story.
  assert.ok(steps.length > 20 && steps.length < v.events.length / 2, `${steps.length} of ${v.events.length} events`);
  assert.ok(!steps.some((e) => ['semacquire', 'semrelease', 'tsemacquire'].includes(e.sys)));
  assert.ok(!steps.some((e) => e.kind === 'p.handoff' || e.kind === 'go.sysexit'));
  for (const kind of ['note.post', 'note.handler', 'sys.interrupted', 'go.start', 'timer.fire', 'deadline', 'io.timeout']) {
    assert.ok(steps.some((e) => e.kind === kind), `a ${kind} step`);
  }
  // A goroutine switch is a step; the same goroutine running again on its M is not.
  const last = new Map();
  for (const e of steps.filter((x) => x.kind === 'go.start')) {
    assert.notEqual(last.get(e.pid), e.goid, `g${e.goid} again on pid ${e.pid}`);
    last.set(e.pid, e.goid);
  }
});

test('the interrupted pread: its cause chain, what it led to, the line it serves', async () => {
  const v = new TraceView((await deadline).trace);
  const id = v.interrupted.find((i) => v.ix.byId.get(i).sys === 'pread');
  const chain = v.causeChain(id).map(describe);
  const order = ['deadline set', 'timer set', 'timer fires', 'asyncIO.Cancel', 'posts note "hangup"', 'pread interrupted'];
  let at = -1;
  for (const step of order) {
    const i = chain.findIndex((l, j) => j > at && l.includes(step));
    assert.ok(i > at, `"${step}" in order:\n${chain.join('\n')}`);
    at = i;
  }
  assert.ok(v.consequences(id).some((e) => e.kind === 'io.timeout'));
  const src = readFileSync(new URL('examples/deadline.go', root), 'utf8').split('\n');
  assert.equal(src[v.sourceLine(v.indexOf(id), 'deadline.go') - 1].trim(), 'n, err := conn.Read(buf)');
  assert.equal(v.sourceLine(v.indexOf(id), 'other.go'), null);
});

test('hangup.go: the note arrow says kill', async () => {
  const v = new TraceView((await run('examples/hangup.go')).trace);
  assert.ok(v.notes.some((n) => n.text === 'hangup' && n.decision === 'kill'), JSON.stringify(v.notes.map((n) => [n.text, n.decision])));
});

test('tick labels: round steps, the unit of the time, the digits of the step', () => {
  assert.deepEqual([0.7, 1, 3, 7, 15, 4e6].map(niceStep), [1, 1, 5, 10, 20, 5e6]);
  assert.deepEqual([5, 2, 1, 0.5, 5000].map(roundBelow), [2, 1, 0.5, 0.2, 2000]);
  assert.equal(fmtTick(0, 10), '0');
  assert.equal(fmtTick(300_030_000, 10_000), '300.03 ms');
  assert.equal(fmtTick(200_000_000, 100_000_000), '200 ms');
  assert.equal(fmtTick(15_000, 5_000), '15 µs');
  assert.equal(fmtTick(1_500_000_000, 500_000_000), '1.5 s');
  assert.equal(fmtTick(250, 50), '250 ns');
});

test('--note syntax: one parser for the CLI and the playground', () => {
  assert.deepEqual(parseNote('50ms:main:interrupt'), { at: 50, target: 'main', text: 'interrupt' });
  assert.deepEqual(parseNote('1.5s:3:go: exit now'), { at: 1500, target: 3, text: 'go: exit now' });
  assert.deepEqual(parseNotes(' 2s:group:hangup, ,10us:1:alarm'), [{ at: 2000, target: 'group', text: 'hangup' }, { at: 0.01, target: 1, text: 'alarm' }]);
  assert.equal(parseDuration('200us'), 0.2);
  assert.throws(() => parseNote('soon:main:x'), /"soon" is not a duration/);
  assert.throws(() => parseNote('5ms:everyone:x'), /target "everyone" is not main, group or a pid/);
  assert.throws(() => parseNote('5ms'), /WHEN:TARGET:TEXT/);
  const notes = parseNotes('2s:main:interrupt, 1.25ms:2:hangup');
  assert.deepEqual(parseNotes(formatNotes(notes)), notes);
});
