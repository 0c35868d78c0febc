// Queues of blocks between a writer and a reader (4e port/qio.c), shared by
// the devices that move bytes: pipes, tcp and udp conversations. A queue
// is a byte stream (a read takes up to n bytes across blocks) or, made with
// msg, a queue of messages (a read takes one block; what does not fit is
// lost, as qread of a Qmsg queue does). Reads consume nothing until they
// return data: a read that must wait returns a Block and is driven again
// from the start when woken, so an interrupt loses no bytes. Writes queue
// first and then wait for room (qbwrite), so an interrupt cannot tear a
// message. A hung-up queue still yields what it holds, then end of file or
// the hangup's error.
import type { Kernel } from './kernel.js';
import { Block, Rendez } from './portdat.js';
import { KError } from './error.js';
import { wakeup } from './proc.js';

export class Queue {
  private blocks: Uint8Array[] = [];
  /** Bytes held. */
  len = 0;
  /** qhangup'd: no more data will come. */
  closed = false;
  /** What a read of the drained, hung-up queue fails with; null: end of file. */
  err: string | null = null;
  readonly r = new Rendez(); // readers wait for data or a hangup
  readonly w = new Rendez(); // writers wait for room or a hangup

  constructor(
    readonly limit: number,
    readonly msg = false,
  ) {}

  /** qreopen: empty and open again; the Rendez stay, as a reused conversation's do. */
  reopen(): void {
    this.blocks = [];
    this.len = 0;
    this.closed = false;
    this.err = null;
  }

  /** qhangup: wake readers (they drain, then see err or end of file) and writers. */
  hangup(k: Kernel, err: string | null = null): void {
    this.closed = true;
    this.err = err;
    wakeup(k, this.r);
    wakeup(k, this.w);
  }

  /** qconsume: up to n bytes (one message in a msg queue); null when empty. */
  consume(k: Kernel, n: number): Uint8Array | null {
    if (this.blocks.length === 0) return null;
    let out: Uint8Array;
    if (this.msg) {
      const b = this.blocks.shift()!;
      this.len -= b.length;
      out = b.length > n ? b.slice(0, n) : b;
    } else {
      if (this.len === 0) return null;
      out = new Uint8Array(Math.min(n, this.len));
      let got = 0;
      while (got < out.length) {
        const b = this.blocks[0];
        const take = Math.min(b.length, out.length - got);
        out.set(b.subarray(0, take), got);
        got += take;
        if (take === b.length) this.blocks.shift();
        else this.blocks[0] = b.subarray(take);
      }
      this.len -= got;
    }
    if (this.len < this.limit) wakeup(k, this.w);
    return out;
  }

  /** qread: data, else the hangup's end of file or error, else wait for data. */
  read(k: Kernel, n: number): Uint8Array | Block {
    const b = this.consume(k, n);
    if (b) return b;
    if (this.closed) {
      if (this.err !== null) throw new KError(this.err);
      return new Uint8Array(0);
    }
    if (n === 0) return new Uint8Array(0);
    return new Block(this.r);
  }

  /** Add b (an empty block adds nothing to a byte stream) and wake a reader. */
  private put(k: Kernel, b: Uint8Array): void {
    if (b.length > 0 || this.msg) {
      this.blocks.push(b);
      this.len += b.length;
    }
    wakeup(k, this.r);
  }

  /**
   * qbwrite: queue data once (x.queued remembers it across the re-drives of
   * the same write), then wait while the queue is over its limit and open.
   * The caller refuses a write to a hung-up queue before the first call.
   */
  bwrite(k: Kernel, x: Record<string, unknown>, data: Uint8Array): number | Block {
    if (!x.queued) {
      this.put(k, data);
      x.queued = true;
    }
    if (this.len <= this.limit || this.closed) return data.length;
    return new Block(this.w);
  }

  /** qproduce/qpass for datagrams: queue b if it fits, else drop it (false). */
  produce(k: Kernel, b: Uint8Array): boolean {
    if (this.closed || this.len + b.length > this.limit) return false;
    this.put(k, b);
    return true;
  }
}
