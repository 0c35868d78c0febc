// #c: /dev/cons (the run's stdin, stdout and stderr), /dev/pid, /dev/bintime
// (4e port/devcons.c), and /dev/args (p9rt's: the program's arguments,
// program name first, each followed by a NUL byte: what os.Args reads).
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
