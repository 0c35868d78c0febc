// Source positions in the trace (docs/trace.md "Source positions"): the
// deadline example's events carry the lines of examples/deadline.go that their
// goroutine was at, the interrupted pread (made by internal/poll's asyncIO
// goroutine on another proc) is at conn.Read's line, and traces stay
// byte-identical for one seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compile } from '../../dist/src/api/index.js';
import { Machine } from '../../dist/src/api/machine.js';

const file = 'examples/deadline.go';
const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const lines = source.split('\n');
/** 1-based line of the first source line containing s. */
const lineOf = (s) => lines.findIndex((l) => l.includes(s)) + 1;
const prog = compile(source, { filename: file });

async function run(opts = {}) {
  const m = await Machine.start(prog, { onStdout: () => {}, ...opts });
  await m.exited;
  return m.trace();
}

const traced = run();

test('deadline.go: the interrupted pread and its Read are at conn.Read(buf), the deadline at SetReadDeadline', async () => {
  const t = await traced;
  const intr = t.find((e) => e.kind === 'sys.interrupted' && e.sys === 'pread');
  assert.ok(intr, 'a pread was interrupted');
  const enter = [...t.slice(0, intr.id - 1)].reverse().find((e) => e.kind === 'sys.enter' && e.pid === intr.pid);
  assert.equal(enter.sys, 'pread');
  assert.deepEqual([enter.file, enter.line], [file, lineOf('n, err := conn.Read(buf)')]);
  // The goroutine that made it is internal/poll's, created by g1 at the Read.
  const gs = t.find((e) => e.kind === 'go.syscall' && e.goid === enter.g && e.id < enter.id && e.sys === 'pread');
  assert.equal(gs.line, enter.line);
  const dl = t.find((e) => e.kind === 'deadline');
  assert.deepEqual([dl.file, dl.line], [file, lineOf('conn.SetReadDeadline(time.Now()')]);
  const set = t.find((e) => e.kind === 'timer.set' && e.cause === dl.id);
  assert.equal(set.line, dl.line);
  // The goroutine the deadline's timer starts (asyncIO.Cancel) has no frame of
  // the program's: it is where the timer was set, the SetReadDeadline line.
  const cancel = t.find((e) => e.kind === 'io.cancel');
  assert.deepEqual([cancel.file, cancel.line], [file, dl.line]);
  const post = t.find((e) => e.kind === 'sys.enter' && e.sys === 'pwrite' && e.g === cancel.g && e.id > cancel.id);
  assert.deepEqual([post.file, post.line], [file, dl.line]);
  assert.equal(t.find((e) => e.kind === 'go.start' && e.goid === cancel.g).line, dl.line);
  // The second Read, after the deadline is cleared, blocks at its own line.
  const cleared = t.find((e) => e.kind === 'deadline' && e.cleared);
  assert.equal(cleared.line, lineOf('conn.SetReadDeadline(time.Time{})'));
  const read2 = t.find((e) => e.kind === 'sys.enter' && e.sys === 'pread' && e.id > cleared.id && e.line !== undefined && e.line > cleared.line);
  assert.equal(read2.line, lineOf('n, err = conn.Read(buf)'));
});

test('positions name only real files and lines, never the scheduler', async () => {
  const t = await traced;
  const withPos = t.filter((e) => e.file !== undefined);
  assert.ok(withPos.length > 50);
  for (const e of withPos) {
    assert.ok(Number.isInteger(e.line) && e.line > 0, `line of ${JSON.stringify(e)}`);
    assert.ok(!e.file.startsWith('<'), e.file);
    if (e.file === file) assert.ok(e.line <= lines.length);
  }
  for (const e of t) if (e.pid === 0 || ['sys.exit', 'sys.block', 'proc.start', 'note.post'].includes(e.kind)) assert.equal(e.file, undefined, e.kind);
  // The accepting goroutine is at its go statement's body.
  const acc = t.find((e) => e.kind === 'go.start' && e.goid === 2);
  assert.deepEqual([acc.file, acc.line], [file, lineOf('go func() {')]);
});

test('traces with positions are byte-identical for one seed', async () => {
  const [a, b] = [await traced, await run()];
  assert.equal(JSON.stringify(a), JSON.stringify(b));
});
