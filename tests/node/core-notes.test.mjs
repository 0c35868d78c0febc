// The note path through the core: sigtramp -> sighandler over the note table,
// ignoreHangup on a locked M, goexitsall. Hand-built images on the real kernel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ImageBuilder, Code, Op, Sys, I, exit, syscall, prints, run } from './core-lib.mjs';
import { Decision, TraceKind, OMode } from '../../dist/host/abi/defs.js';
import { Machine } from '../../dist/src/api/index.js';
import { decisionCode } from '../../dist/host/kernel/trace.js';

/** Emit: post note `text` to the pid on top of the stack (open /proc/<pid>/note, pwrite, close). */
function postnote(b, c, text, scratch) {
  // path = "/proc/" + string('0'+pid) + "/note"  (pids below 10 here)
  c.const(48); c.op(Op.ADD); c.op(Op.STRFROMRUNE);
  c.strconst(b.str('/proc/')); c.op(Op.SWAP); c.op(Op.STRCAT);
  c.strconst(b.str('/note')); c.op(Op.STRCAT);
  c.op(Op.SETLOCAL, [scratch]);
  syscall(c, Sys.OPEN, [
    () => { c.op(Op.LOCAL, [scratch]); c.intrinsic(I('runtime.stringData'), 1, 1); },
    () => { c.op(Op.LOCAL, [scratch]); c.op(Op.STRLEN); },
    OMode.OWRITE,
  ]);
  c.op(Op.SETLOCAL, [scratch]); // fd
  syscall(c, Sys.PWRITE, [
    () => c.op(Op.LOCAL, [scratch]),
    () => { c.strconst(b.str(text)); c.intrinsic(I('runtime.stringData'), 1, 1); },
    text.length,
    -1,
  ]);
  c.op(Op.DROP);
  syscall(c, Sys.CLOSE, [() => c.op(Op.LOCAL, [scratch])]);
  c.op(Op.DROP);
}

function decisions(trace) {
  return trace.filter((e) => e.kind === 'note.handler').map((e) => decisionCode(e.decision));
}

test('hangup posted to its own proc kills the program with exit string "hangup"', async () => {
  const b = new ImageBuilder();
  const c = new Code();
  prints(b, c, 'posting\n');
  c.intrinsic(I('runtime.mpid'), 0, 1);
  postnote(b, c, 'hangup', 0);
  prints(b, c, 'still running\n');
  exit(c, 0);
  c.op(Op.RET, [], 0, 0);
  b.entry = b.addFunc('main.main', 'x.go', { code: c, nparams: 0, nresults: 0, nlocals: 1 });
  const r = await run(b.build());
  assert.equal(r.err, 'posting\n');
  assert.equal(r.exitString, 'hangup');
  assert.deepEqual(decisions(r.trace), [Decision.KILL]);
});

test('"alarm" and unknown notes are ignored; the program goes on', async () => {
  const b = new ImageBuilder();
  const c = new Code();
  c.intrinsic(I('runtime.mpid'), 0, 1);
  postnote(b, c, 'alarm', 0);
  c.intrinsic(I('runtime.mpid'), 0, 1);
  postnote(b, c, 'no such note', 0);
  prints(b, c, 'still running\n');
  exit(c, 0);
  c.op(Op.RET, [], 0, 0);
  b.entry = b.addFunc('main.main', 'x.go', { code: c, nparams: 0, nresults: 0, nlocals: 1 });
  const r = await run(b.build());
  assert.equal(r.err, 'still running\n');
  assert.equal(r.exitString, '');
  assert.deepEqual(decisions(r.trace), [Decision.IGNORED, Decision.IGNORED]);
});

/**
 * The asyncIO pattern of internal/poll: a goroutine locks its M, ignores
 * hangup, reports its pid and blocks in the kernel; main (now on another M)
 * posts "hangup" to that pid. With ignore=true the syscall returns -1
 * (interrupted) and the program goes on; without, hangup kills it.
 */
function asyncio(ignore) {
  const b = new ImageBuilder();
  const f = new Code();
  f.intrinsic(I('runtime.LockOSThread'), 0, 0);
  if (ignore) f.intrinsic(I('runtime.ignoreHangup'), 0, 0);
  f.op(Op.LOCAL, [0]); f.intrinsic(I('runtime.mpid'), 0, 1); f.op(Op.SEND);
  syscall(f, Sys.SLEEP, [1000]);
  f.op(Op.SETLOCAL, [1]);
  if (ignore) f.intrinsic(I('runtime.unignoreHangup'), 0, 0);
  f.op(Op.LOCAL, [0]); f.op(Op.LOCAL, [1]); f.op(Op.SEND);
  f.op(Op.RET, [], 0, 0);
  const ff = b.addFunc('main.f', 'x.go', { code: f, nparams: 1, nresults: 0, nlocals: 2 });
  const c = new Code();
  c.const(0); c.op(Op.MAKECHAN); c.op(Op.SETLOCAL, [0]);
  c.op(Op.LOCAL, [0]); c.op(Op.GO, [ff, 1], 1, 0);
  c.op(Op.LOCAL, [0]); c.op(Op.RECV); c.op(Op.SETLOCAL, [1]);
  c.const(20e6); c.intrinsic(I('runtime.timeSleep'), 1, 0);
  prints(b, c, 'cancel\n');
  c.op(Op.LOCAL, [1]);
  postnote(b, c, 'hangup', 2);
  c.op(Op.LOCAL, [0]); c.op(Op.RECV); c.op(Op.PRINTINT); c.op(Op.PRINTNL);
  c.intrinsic(I('runtime.nanotime'), 0, 1); c.const(1e6); c.op(Op.DIV); c.op(Op.PRINTINT); c.op(Op.PRINTNL);
  exit(c, 0);
  c.op(Op.RET, [], 0, 0);
  b.entry = b.addFunc('main.main', 'x.go', { code: c, nparams: 0, nresults: 0, nlocals: 3 });
  return b.build();
}

test('ignoreHangup: a hangup interrupts the locked M\'s syscall and is ignored', async () => {
  const r = await run(asyncio(true));
  assert.equal(r.err, 'cancel\n-1\n20\n');
  assert.equal(r.exitString, '');
  assert.deepEqual(decisions(r.trace), [Decision.IGNORED_HANGUP]);
});

test('without ignoreHangup the same hangup kills every proc', async () => {
  const r = await run(asyncio(false));
  assert.equal(r.err, 'cancel\n');
  assert.equal(r.exitString, 'hangup');
  assert.ok(decisions(r.trace).includes(Decision.KILL));
  // goexitsall told the other M
  assert.ok(r.trace.some((e) => e.kind === 'note.post' && e.text === 'go: exit hangup'));
});

test('a note posted from outside reaches a proc running pure bytecode (ATTN at safepoints)', async () => {
  // main prints, then spins forever with no syscalls; the test posts "interrupt"
  // once it sees the output. Real time: in virtual time the clock stands still
  // while a proc runs.
  const b = new ImageBuilder();
  const c = new Code();
  prints(b, c, 'spinning\n');
  const top = c.label();
  c.bind(top);
  c.op(Op.LOCAL, [0]); c.const(1); c.op(Op.ADD); c.op(Op.SETLOCAL, [0]);
  c.jump(Op.JMP, top);
  c.op(Op.RET, [], 0, 0);
  b.entry = b.addFunc('main.main', 'x.go', { code: c, nparams: 0, nresults: 0, nlocals: 1 });
  let m;
  let posted = false;
  m = await Machine.start({ image: b.build() }, {
    clock: 'real',
    timeoutMs: 15000,
    onStderr: () => {
      if (!posted) {
        posted = true;
        setTimeout(() => m.postnote(1, 'interrupt'), 20);
      }
    },
  });
  const e = await m.exited;
  assert.equal(e.exitString, 'interrupt');
  assert.deepEqual(decisions(m.trace()), [Decision.KILL]);
});
