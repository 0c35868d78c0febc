// #|: pipes (4e port/devpipe.c). Two queues; each end reads one and writes
// the other. A read of an empty pipe sleeps until data or until the other
// end is closed (then 0: end of file); a write when the other end is gone
// fails with "i/o on hungup channel" and posts "sys: write on closed pipe"
// (NUser) to the writer.
import type { Kernel } from '../kernel.js';
import { Proc, NUser } from '../portdat.js';
import { KError } from '../error.js';
import { Queue } from '../qio.js';
import { newChan, type Chan, type Dev } from './dev.js';
import { postnote } from '../proc.js';

const QLIMIT = 64 * 1024;
const Ehungup = 'i/o on hungup channel';

class Pipe {
  /** q[e] is read at end e and written at the other end. */
  readonly q = [new Queue(QLIMIT), new Queue(QLIMIT)];
  /** Open references to each end. */
  readonly ref = [0, 0];
}

type End = { pipe: Pipe; end: 0 | 1 };

export const pipedev: Dev = {
  name: 'pipe',
  open() {
    throw new KError('file does not exist');
  },
  read(k: Kernel, _p: Proc, c: Chan, n: number) {
    const { pipe, end } = c.aux as End;
    // Hung up when either end went: then end of file once drained.
    return pipe.q[end].read(k, n);
  },
  write(k: Kernel, p: Proc, c: Chan, data: Uint8Array) {
    const { pipe, end } = c.aux as End;
    const q = pipe.q[1 - end];
    const x = p.sc!.x;
    if (!x.queued && q.closed) {
      postnote(k, p, 'sys: write on closed pipe', NUser, p.pid);
      throw new KError(Ehungup);
    }
    return q.bwrite(k, x, data);
  },
  close(k: Kernel, c: Chan) {
    const { pipe, end } = c.aux as End;
    if (--pipe.ref[end] > 0) return;
    // Readers of the other end see end of file; its writers are refused.
    pipe.q[1 - end].hangup(k);
    pipe.q[end].hangup(k);
  },
};

/** Make a pipe: two Chans, both read-write. */
export function newpipe(): [Chan, Chan] {
  const pipe = new Pipe();
  pipe.ref[0] = pipe.ref[1] = 1;
  return [
    newChan(pipedev, '#|/data', 2, { pipe, end: 0 } satisfies End),
    newChan(pipedev, '#|/data1', 2, { pipe, end: 1 } satisfies End),
  ];
}
