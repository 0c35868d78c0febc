// #|: pipes (4e port/devpipe.c). Two queues; each end reads one and writes
// the other. A read of an empty pipe sleeps until data or until the other
// end is closed (then 0: end of file); a write when the other end is gone
// fails with "i/o on hungup channel" and posts "sys: write on closed pipe"
// (NUser) to the writer.
import type { Kernel } from '../kernel.js';
import { Block, KError, Proc, Rendez, NUser } from '../proc.js';
import { newChan, type Chan, type Dev } from './dev.js';

const QLIMIT = 64 * 1024;
const Ehungup = 'i/o on hungup channel';

class Queue {
  blocks: Uint8Array[] = [];
  len = 0;
  readonly r = new Rendez(); // readers wait for data
  readonly w = new Rendez(); // writers wait for room
}

class Pipe {
  readonly q = [new Queue(), new Queue()];
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
    const q = pipe.q[end];
    if (q.len > 0) {
      const out = new Uint8Array(Math.min(n, q.len));
      let got = 0;
      while (got < out.length) {
        const b = q.blocks[0];
        const take = Math.min(b.length, out.length - got);
        out.set(b.subarray(0, take), got);
        got += take;
        if (take === b.length) q.blocks.shift();
        else q.blocks[0] = b.subarray(take);
      }
      q.len -= got;
      if (q.len < QLIMIT) k.wakeup(q.w);
      return out;
    }
    if (n === 0 || pipe.ref[1 - end] === 0) return new Uint8Array(0);
    return new Block(q.r);
  },
  write(k: Kernel, p: Proc, c: Chan, data: Uint8Array) {
    const { pipe, end } = c.aux as End;
    const q = pipe.q[1 - end];
    const x = p.sc!.x;
    if (!x.queued) {
      if (pipe.ref[1 - end] === 0) {
        k.postnote(p, 'sys: write on closed pipe', NUser, p.pid);
        throw new KError(Ehungup);
      }
      q.blocks.push(data);
      q.len += data.length;
      k.wakeup(q.r);
      x.queued = true;
    }
    if (q.len <= QLIMIT || pipe.ref[1 - end] === 0) return data.length;
    return new Block(q.w);
  },
  close(k: Kernel, c: Chan) {
    const { pipe, end } = c.aux as End;
    if (--pipe.ref[end] > 0) return;
    // Readers of the other end see end of file; its writers are refused.
    k.wakeup(pipe.q[1 - end].r);
    k.wakeup(pipe.q[end].w);
    k.wakeup(pipe.q[1 - end].w);
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
