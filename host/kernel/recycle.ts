// M workers kept from one run to the next (a reused machine: p9rt explore,
// docs/explore.md "Speed"). Starting a worker costs tens of ms; a worker
// whose proc ended (its M unwound with ProcExit) can serve the next run's
// proc instead. The kernel sees each worker through a stand-in Peer: its
// terminate() hands the worker back here rather than ending it, and the
// worker is given out again only once it has said `done` (host/m/start.ts),
// so no M of a finished run can still touch the memory the next run uses.
import { spawn, type Peer } from '../platform/index.js';

/** How long an M of a finished run may take to unwind before its worker is ended instead. */
const UNWIND_MS = 2000;

interface Kept {
  real: Peer;
  face: Peer;
  /** idle: free; running: its proc may run; retiring: handed back, not yet unwound. */
  state: 'idle' | 'running' | 'retiring';
  /** It said done since its last start (its proc ended before the kernel let it go). */
  done: boolean;
  onError: ((e: Error) => void) | null;
  /** The kernel's message handlers (spawnM's 'detached'), dropped when the worker is given back. */
  onMessage: ((msg: unknown) => void)[];
}

export class Recycler {
  private readonly all = new Set<Kept>();
  private idle: Kept[] = [];
  private waiters: (() => void)[] = [];

  /** A worker for the kernel's spawnM: a kept one if any is free, else a new one. */
  spawn(url: URL | string, name: string): Peer {
    const k = this.idle.pop() ?? this.fresh(url, name);
    k.state = 'idle';
    k.done = false;
    k.onError = null;
    k.onMessage = [];
    return k.face;
  }

  private fresh(url: URL | string, name: string): Kept {
    const real = spawn(url, name);
    const k: Kept = { real, face: null as unknown as Peer, state: 'idle', done: false, onError: null, onMessage: [] };
    k.face = {
      post: (msg: { t?: string }) => {
        if (msg?.t === 'start' || msg?.t === 'resume') {
          k.state = 'running';
          k.done = false;
        }
        real.post(msg);
      },
      onMessage: (fn) => void k.onMessage.push(fn),
      onError: (fn) => void (k.onError = fn),
      terminate: async () => this.giveBack(k),
    };
    real.onMessage((m: { t?: string }) => {
      // 'detached': its proc left it (ended, or sleeps without it); 'done': an abort unwound it.
      // Marked before the kernel hears of it: the kernel may give it a proc at once.
      if (m?.t === 'done' || m?.t === 'detached') {
        k.done = true;
        if (k.state === 'retiring') return this.free(k);
      }
      for (const fn of k.onMessage) fn(m);
    });
    real.onError((e) => {
      this.drop(k);
      k.onError?.(e);
    });
    this.all.add(k);
    return k;
  }

  private giveBack(k: Kept): void {
    if (!this.all.has(k) || k.state === 'retiring') return;
    if (k.state === 'idle' || k.done) return this.free(k);
    k.state = 'retiring';
  }

  private free(k: Kept): void {
    if (!this.all.has(k)) return;
    k.state = 'idle';
    if (!this.idle.includes(k)) this.idle.push(k);
    this.wake();
  }

  private drop(k: Kept): void {
    this.all.delete(k);
    this.idle = this.idle.filter((x) => x !== k);
    void k.real.terminate();
    this.wake();
  }

  private wake(): void {
    if ([...this.all].some((k) => k.state !== 'idle')) return;
    for (const w of this.waiters.splice(0)) w();
  }

  /**
   * Every worker is idle again (the run's Ms have unwound): resolves then,
   * ending the workers of Ms that did not unwind within UNWIND_MS.
   */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      const late = setTimeout(() => {
        for (const k of [...this.all]) if (k.state !== 'idle') this.drop(k);
      }, UNWIND_MS);
      this.waiters.push(() => {
        clearTimeout(late);
        resolve();
      });
      this.wake();
    });
  }

  /** End every worker. */
  close(): void {
    for (const k of [...this.all]) this.drop(k);
  }
}
