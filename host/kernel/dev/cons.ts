// #c: /dev/cons (the run's stdin, stdout and stderr), /dev/pid, /dev/bintime
// (4e port/devcons.c), and /dev/args (p9rt's: the program's arguments,
// program name first, each followed by a NUL byte: what os.Args reads).
import { Ctl, ConsRing, CONS_RING_SIZE, Mbox, MAILBOX_BASE, MAILBOX_SIZE } from '../../abi/defs.js';
import type { Kernel } from '../kernel.js';
import { Block, Proc } from '../portdat.js';
import { KError, Enonexist, Eperm } from '../error.js';
import { newChan, readstr, Fgrp, type Chan, type Dev } from './dev.js';

type Cons = { file: 'cons' | 'pid' | 'bintime' | 'args'; stream: 'stdout' | 'stderr' };
const files = ['cons', 'pid', 'bintime', 'args'];

export const consdev: Dev = {
  name: 'cons',
  open(_k, _p, path, mode) {
    const f = path.join('/');
    if (!files.includes(f)) throw new KError(Enonexist);
    if (f !== 'cons' && (mode & 3) !== 0) throw new KError(Eperm);
    return newChan(consdev, '/dev/' + f, mode, { file: f as Cons['file'], stream: 'stdout' } satisfies Cons);
  },
  read(k: Kernel, p: Proc, c: Chan, n: number, off: bigint) {
    const a = c.aux as Cons;
    switch (a.file) {
      case 'cons': {
        // The run's stdin (Machine.start `stdin`, the CLI's stdin), then end of file.
        if (k.opts.stdinLazy) {
          if (!k.stdinAsked) {
            k.stdinAsked = true;
            k.emit({ t: 'stdin' });
          }
          // streamed: what has come so far, up to n bytes; wait while nothing has
          if (k.stdinq.length) return k.takeStdin(n);
          if (k.stdinEof) return new Uint8Array(0);
          return new Block(k.stdinWait);
        }
        const b = k.opts.stdin ?? new Uint8Array(0);
        const got = b.slice(k.stdinOff, k.stdinOff + n);
        k.stdinOff += got.length;
        return got;
      }
      case 'pid':
        // Plan 9's readnum: "%11d " (the reading proc's pid: go's getpid reads #c/pid on each M).
        return readstr(String(p.pid).padStart(11, ' ') + ' ', n, off);
      case 'args':
        return readstr(k.opts.args.map((a) => a + '\0').join(''), n, off);
      case 'bintime': {
        const b = new Uint8Array(8);
        new DataView(b.buffer).setBigInt64(0, k.clock.bootWall + k.clock.now());
        return b.slice(Number(off), Number(off) + n);
      }
    }
  },
  write(k, _p, c, data) {
    const a = c.aux as Cons;
    if (a.file !== 'cons') throw new KError(Eperm);
    k.out(a.stream, data.slice());
    return data.length;
  },
  close() {},
};

/** fd 0, 1 and 2 of pid 1: /dev/cons, the latter two streamed to the host's stdout and stderr. */
export function openStd(_k: Kernel, fg: Fgrp): void {
  fg.add(newChan(consdev, '/dev/cons', 0, { file: 'cons', stream: 'stdout' } satisfies Cons));
  fg.add(newChan(consdev, '/dev/cons', 1, { file: 'cons', stream: 'stdout' } satisfies Cons));
  fg.add(newChan(consdev, '/dev/cons', 1, { file: 'cons', stream: 'stderr' } satisfies Cons));
}

// ---- the console ring (host/abi/defs.ts ConsRing) ----------------------------

/**
 * Take the console ring's records, in the order written, as writes to the
 * run's stdout and stderr (one piece of output per run of records to the same
 * stream). The kernel calls it before it handles any system call and before
 * any output of its own, so the records keep their place among the calls.
 */
export function drainCons(k: Kernel, emit: (stream: 'stdout' | 'stderr', data: Uint8Array) => void): void {
  const i32 = k.i32;
  const r = Atomics.load(i32, Ctl.CONS_RING >> 2) >>> 0;
  if (r === 0) return;
  const head = Atomics.load(i32, (r + ConsRing.HEAD) >> 2) >>> 0;
  let tail = Atomics.load(i32, (r + ConsRing.TAIL) >> 2) >>> 0;
  if (head === tail) return;
  const u8 = k.u8;
  const data = r + ConsRing.DATA;
  const mask = CONS_RING_SIZE - 1;
  // runs of records to one stream: [stream, [offset, length] pieces]
  let stream: 'stdout' | 'stderr' | null = null;
  let pieces: number[] = [];
  let total = 0;
  const flush = () => {
    if (!stream || !total) return;
    const b = new Uint8Array(total);
    let at = 0;
    for (let i = 0; i < pieces.length; i += 2) {
      b.set(u8.subarray(data + pieces[i], data + pieces[i] + pieces[i + 1]), at);
      at += pieces[i + 1];
    }
    emit(stream, b);
    pieces = [];
    total = 0;
  };
  while (tail !== head) {
    const at = tail & mask;
    const w = i32[(data + at) >> 2] >>> 0;
    const len = w & 0x7fffffff;
    const s = w & 0x80000000 ? 'stderr' : 'stdout';
    if (s !== stream) {
      flush();
      stream = s;
    }
    const from = (at + 4) & mask;
    const first = Math.min(len, CONS_RING_SIZE - from);
    pieces.push(from, first);
    if (first < len) pieces.push(0, len - first);
    total += len;
    tail = (tail + 4 + ((len + 3) & ~3)) >>> 0;
  }
  flush();
  Atomics.store(i32, (r + ConsRing.TAIL) >> 2, tail | 0);
}

/** Mbox.CONSOUT and CONSERR of proc p: which of its fds below 32 write to the run's stdout and stderr. */
export function consMasks(k: Kernel, p: Proc): void {
  let out = 0;
  let err = 0;
  const fds = p.fgrp.fd;
  for (let i = 0; i < fds.length && i < 32; i++) {
    const c = fds[i];
    if (!c || c.dev !== consdev || (c.aux as Cons).file !== 'cons') continue;
    const m = c.mode & 3;
    if (m !== 1 && m !== 2) continue;
    if ((c.aux as Cons).stream === 'stdout') out |= 1 << i;
    else err |= 1 << i;
  }
  const mb = MAILBOX_BASE + p.pid * MAILBOX_SIZE;
  Atomics.store(k.i32, (mb + Mbox.CONSOUT) >> 2, out);
  Atomics.store(k.i32, (mb + Mbox.CONSERR) >> 2, err);
}
