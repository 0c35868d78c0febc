// The core's scheduler, channels, timers and exit paths, on hand-built images
// run by the real kernel (virtual time).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ImageBuilder, Code, Op, Sys, I, exit, syscall, prints, run } from './core-lib.mjs';

test('print, arithmetic, exit status', async () => {
  const b = new ImageBuilder();
  const c = new Code();
  prints(b, c, 'hello');
  c.op(Op.PRINTSP);
  c.const(40); c.const(2); c.op(Op.ADD); c.op(Op.PRINTINT);
  c.op(Op.PRINTNL);
  c.const(-7); c.const(2); c.op(Op.DIV); c.op(Op.PRINTINT); c.op(Op.PRINTNL); // -3 (truncated)
  exit(c, 3);
  c.op(Op.RET, [], 0, 0);
  b.entry = b.addFunc('main.main', 'x.go', { code: c, nparams: 0, nresults: 0, nlocals: 0 });
  const r = await run(b.build());
  assert.equal(r.err, 'hello 42\n-3\n');
  assert.equal(r.exitString, '3');
  assert.equal(r.code, 3);
});

/** main: go sender(c); then receive 3 values (unbuffered), print them. */
test('goroutine and unbuffered channel', async () => {
  const b = new ImageBuilder();
  const send = new Code(); // func sender(c chan int) { for i := 1..3 { c <- i*10 }; close(c) }
  send.const(1); send.op(Op.SETLOCAL, [1]);
  const top = send.label();
  send.bind(top);
  send.op(Op.LOCAL, [0]); send.op(Op.LOCAL, [1]); send.const(10); send.op(Op.MUL); send.op(Op.SEND);
  send.op(Op.LOCAL, [1]); send.const(1); send.op(Op.ADD); send.op(Op.TEELOCAL, [1]);
  send.const(3); send.op(Op.LE); send.jump(Op.JMPIF, top);
  send.op(Op.LOCAL, [0]); send.op(Op.CLOSE);
  send.op(Op.RET, [], 0, 0);
  const fsend = b.addFunc('main.sender', 'x.go', { code: send, nparams: 1, nresults: 0, nlocals: 2 });
  const c = new Code();
  c.const(0); c.op(Op.MAKECHAN); c.op(Op.SETLOCAL, [0]);
  c.op(Op.LOCAL, [0]); c.op(Op.GO, [fsend, 1], 1, 0);
  const loop = c.label();
  const done = c.label();
  c.bind(loop);
  c.op(Op.LOCAL, [0]); c.op(Op.RECVOK);
  c.jump(Op.JMPIFNOT, done);
  c.op(Op.PRINTINT); c.op(Op.PRINTNL);
  c.jump(Op.JMP, loop);
  c.bind(done);
  c.op(Op.DROP);
  prints(b, c, 'closed\n');
  exit(c, 0);
  c.op(Op.RET, [], 0, 0);
  b.entry = b.addFunc('main.main', 'x.go', { code: c, nparams: 0, nresults: 0, nlocals: 1 });
  const r = await run(b.build());
  assert.equal(r.err, '10\n20\n30\nclosed\n');
  assert.equal(r.exitString, '');
});

test('deadlock is detected', async () => {
  const b = new ImageBuilder();
  const c = new Code();
  c.line(7);
  c.const(0); c.op(Op.MAKECHAN); c.op(Op.RECV); c.op(Op.DROP);
  c.op(Op.RET, [], 0, 0);
  b.entry = b.addFunc('main.main', '/tmp/x.go', { code: c, nparams: 0, nresults: 0, nlocals: 0 });
  const r = await run(b.build());
  assert.equal(r.err, 'fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()\n\t/tmp/x.go:7\n');
  assert.equal(r.exitString, '2');
  assert.equal(r.code, 2);
});

test('time.Sleep parks on a timer; virtual time orders the wakeups', async () => {
  // main: go napper(30ms, "b"); go napper(10ms, "a"); sleep 50ms; print "main"
  const b = new ImageBuilder();
  const nap = new Code();
  nap.op(Op.LOCAL, [0]); nap.intrinsic(I('runtime.timeSleep'), 1, 0);
  nap.op(Op.LOCAL, [1]); nap.op(Op.PRINTSTR); nap.op(Op.PRINTNL);
  nap.op(Op.RET, [], 0, 0);
  const fnap = b.addFunc('main.napper', 'x.go', { code: nap, nparams: 2, nresults: 0, nlocals: 2 });
  const c = new Code();
  c.intrinsic(I('runtime.nanotime'), 0, 1); c.op(Op.SETLOCAL, [0]);
  c.const(30e6); c.strconst(b.str('b')); c.op(Op.GO, [fnap, 2], 2, 0);
  c.const(10e6); c.strconst(b.str('a')); c.op(Op.GO, [fnap, 2], 2, 0);
  c.const(50e6); c.intrinsic(I('runtime.timeSleep'), 1, 0);
  prints(b, c, 'main ');
  c.intrinsic(I('runtime.nanotime'), 0, 1); c.op(Op.LOCAL, [0]); c.op(Op.SUB);
  c.const(1e6); c.op(Op.DIV); c.op(Op.PRINTINT); c.op(Op.PRINTNL);
  exit(c, 0);
  c.op(Op.RET, [], 0, 0);
  b.entry = b.addFunc('main.main', 'x.go', { code: c, nparams: 0, nresults: 0, nlocals: 1 });
  const r = await run(b.build());
  assert.equal(r.err, 'a\nb\nmain 50\n');
});

test('a blocking syscall hands the P to a new M; the G comes back after', async () => {
  // f: sleep(100) as a blocking syscall, then c <- 1. main: go f(c); time.Sleep(10ms); print "main awake"; <-c; print "f done"
  const b = new ImageBuilder();
  const f = new Code();
  syscall(f, Sys.SLEEP, [100]); f.op(Op.DROP);
  f.op(Op.LOCAL, [0]); f.const(1); f.op(Op.SEND);
  f.op(Op.RET, [], 0, 0);
  const ff = b.addFunc('main.f', 'x.go', { code: f, nparams: 1, nresults: 0, nlocals: 1 });
  const c = new Code();
  c.const(0); c.op(Op.MAKECHAN); c.op(Op.SETLOCAL, [0]);
  c.op(Op.LOCAL, [0]); c.op(Op.GO, [ff, 1], 1, 0);
  c.const(10e6); c.intrinsic(I('runtime.timeSleep'), 1, 0);
  prints(b, c, 'main awake\n');
  c.op(Op.LOCAL, [0]); c.op(Op.RECV); c.op(Op.DROP);
  prints(b, c, 'f done\n');
  exit(c, 0);
  c.op(Op.RET, [], 0, 0);
  b.entry = b.addFunc('main.main', 'x.go', { code: c, nparams: 0, nresults: 0, nlocals: 1 });
  const r = await run(b.build());
  assert.equal(r.err, 'main awake\nf done\n');
  assert.equal(r.exitString, '');
});

test('defer, panic and recover', async () => {
  const b = new ImageBuilder();
  const g = new Code(); // func g() { print(recover()) }
  g.op(Op.RECOVER); g.op(Op.PRINTIFACE); g.op(Op.PRINTNL); g.op(Op.RET, [], 0, 0);
  const fg = b.addFunc('main.g', 'x.go', { code: g, nparams: 0, nresults: 0, nlocals: 0 });
  const f = new Code(); // func f() (r int) { defer g(); r = 1; panic(7) }  -> returns 1 after recovery
  f.op(Op.DEFER, [fg, 0], 0, 0);
  f.const(1); f.op(Op.SETLOCAL, [0]);
  f.const(7); f.op(Op.MAKEIFACE, [2]); f.op(Op.PANIC);
  const rpc = f.pc;
  f.op(Op.RUNDEFERS); f.op(Op.LOCAL, [0]); f.op(Op.RET, [], 1, 0);
  const ff = b.addFunc('main.f', 'x.go', { code: f, nparams: 0, nresults: 1, nlocals: 1, recoverpc: rpc });
  const c = new Code();
  c.call(ff, 0, 1); c.op(Op.PRINTINT); c.op(Op.PRINTNL);
  prints(b, c, 'after\n');
  c.const(3); c.op(Op.MAKEIFACE, [2]); c.op(Op.PANIC); // unrecovered: no hook in this image
  c.op(Op.RET, [], 0, 0);
  b.entry = b.addFunc('main.main', 'x.go', { code: c, nparams: 0, nresults: 0, nlocals: 0 });
  const r = await run(b.build());
  assert.match(r.err, /^7\n1\nafter\npanic: 3\n\ngoroutine 1 \[running\]:\nmain\.main\(\)\n/);
  assert.equal(r.exitString, '2');
});

test('runtime error without a hook: index out of range', async () => {
  const b = new ImageBuilder();
  const c = new Code();
  c.const(3); c.const(3); c.op(Op.MAKESLICE, [8]); c.const(5); c.op(Op.INDEXADDR, [8]); c.op(Op.LOAD, [0]);
  c.op(Op.RET, [], 1, 0);
  b.entry = b.addFunc('main.main', 'x.go', { code: c, nparams: 0, nresults: 0, nlocals: 0 });
  const r = await run(b.build());
  assert.match(r.err, /^panic: runtime error: index out of range \[5\] with length 3\n/);
  assert.equal(r.code, 2);
});

test('deep recursion grows the goroutine stack by copying; unbounded recursion is a stack overflow', async () => {
  const b = new ImageBuilder();
  const rec = new Code(); // func rec(n int) int { if n == 0 { return 0 }; return rec(n-1) + 1 }
  const f = b.declareFunc('main.rec', 'x.go');
  const base = rec.label();
  rec.op(Op.LOCAL, [0]); rec.jump(Op.JMPIFNOT, base);
  rec.op(Op.LOCAL, [0]); rec.const(1); rec.op(Op.SUB); rec.call(f, 1, 1); rec.const(1); rec.op(Op.ADD);
  rec.op(Op.RET, [], 1, 0);
  rec.bind(base);
  rec.const(0); rec.op(Op.RET, [], 1, 0);
  b.defineFunc(f, { code: rec, nparams: 1, nresults: 1, nlocals: 1 });
  const c = new Code();
  c.const(100000); c.call(f, 1, 1); c.op(Op.PRINTINT); c.op(Op.PRINTNL);
  c.const(1e9); c.call(f, 1, 1); c.op(Op.PRINTINT); c.op(Op.PRINTNL);
  c.op(Op.RET, [], 0, 0);
  b.entry = b.addFunc('main.main', 'x.go', { code: c, nparams: 0, nresults: 0, nlocals: 0 });
  const r = await run(b.build());
  assert.match(r.err, /^100000\nruntime: goroutine stack exceeds 67108864-byte limit\nfatal error: stack overflow\n/);
  assert.equal(r.code, 2);
});

test('the main goroutine returning ends the program, other goroutines or not', async () => {
  const b = new ImageBuilder();
  const f = new Code(); // func f() { time.Sleep(1h); print("never") }
  f.const(3600e9); f.intrinsic(I('runtime.timeSleep'), 1, 0);
  prints(b, f, 'never\n');
  f.op(Op.RET, [], 0, 0);
  const ff = b.addFunc('main.f', 'x.go', { code: f, nparams: 0, nresults: 0, nlocals: 0 });
  const c = new Code();
  c.op(Op.GO, [ff, 0], 0, 0);
  c.op(Op.FUNCVAL, [ff]); c.op(Op.GOCLOSURE, [0], 1, 0);
  c.intrinsic(I('runtime.Gosched'), 0, 0);
  prints(b, c, 'main returns\n');
  c.op(Op.RET, [], 0, 0);
  b.entry = b.addFunc('main.main', 'x.go', { code: c, nparams: 0, nresults: 0, nlocals: 0 });
  const r = await run(b.build());
  assert.equal(r.err, 'main returns\n');
  assert.equal(r.exitString, '');
});
