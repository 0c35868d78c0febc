// The kernel worker's entry: boot on the first message, then serve control
// messages (postnote, interrupt, stdin, stop) from the thread that started the run.
import { Ctl, MAILBOX_BASE, MAILBOX_SIZE, MAX_PROCS, STATIC_BASE, MEMORY_DEFAULT_PAGES, MEMORY_INITIAL_PAGES, MEMORY_MAXIMUM_PAGES, PAGE } from '../abi/defs.js';

/**
 * The maximum of the run's memory: what its heap limit needs, not wasm32's
 * 4 GiB, so a run reserves (and a browser tab is asked for) only that. The
 * core's import declares MEMORY_MAXIMUM_PAGES and accepts any smaller maximum.
 */
function memoryPages(limit: number | undefined): number {
  const pages = limit === undefined ? MEMORY_DEFAULT_PAGES : Math.ceil(limit / PAGE);
  return Math.min(MEMORY_MAXIMUM_PAGES, Math.max(MEMORY_INITIAL_PAGES, pages));
}
/**
 * A reused machine's memory, made as a new one is before the next boot:
 * zero up to the heap's frontier (Ctl.HEAP_CURSOR: above it nothing was
 * ever written), the control page, mailboxes and static data included; pid
 * 1 re-applies the data segments (__init_data) as in any run.
 */
function wipe(memory: WebAssembly.Memory): void {
  const u8 = new Uint8Array(memory.buffer);
  const i32 = new Int32Array(memory.buffer);
  const cursor = i32[Ctl.HEAP_CURSOR >> 2] >>> 0;
  // The mailboxes of pids the run never made were never written (Ctl.NPIDS: 1 + the highest).
  const npids = Math.min(Math.max(i32[Ctl.NPIDS >> 2], 1), MAX_PROCS);
  u8.fill(0, 0, MAILBOX_BASE + npids * MAILBOX_SIZE);
  u8.fill(0, STATIC_BASE, cursor > STATIC_BASE && cursor <= u8.length ? cursor : u8.length);
}
import { parent, platformReady, sibling } from '../platform/index.js';
import { Kernel, type KernelEvent, type KernelOptions } from './kernel.js';
import { Recycler } from './recycle.js';
import { KError } from './error.js';
import { hostaction, hostcheck } from './proc.js';

export interface BootMsg {
  t: 'boot';
  core: WebAssembly.Module | null;
  image: Uint8Array;
  opts: Omit<KernelOptions, 'mWorker'> & { mWorker?: string };
  /**
   * A reused machine (src/api/machine.ts Reuse): keep this worker, the
   * memory and the M workers for the next boot, and say `recycled` once the
   * run is over and its Ms have unwound.
   */
  reuse?: boolean;
}

export type ControlMsg =
  | BootMsg
  | { t: 'postnote'; id: number; target: 'main' | 'group' | number; text: string }
  | { t: 'interrupt'; id: number; pid: number }
  | { t: 'stdin'; data: Uint8Array; eof: boolean }
  | { t: 'stop'; reason: string; code: number };

let k: Kernel | null = null;
// A reused machine's memory (with its maximum in pages) and M workers, kept from run to run.
let kept: { memory: WebAssembly.Memory; pages: number } | null = null;
const recycler = new Recycler();
// A stop that came before the kernel booted (a --timeout shorter than start-up).
let early: { reason: string; code: number } | null = null;

// No top-level await (see platformReady): messages wait in the port until
// the listener is attached.
void platformReady().then(() => {
  const port = parent();
  port.onMessage((msg: ControlMsg) => void control(port, msg));
});

async function control(port: ReturnType<typeof parent>, msg: ControlMsg): Promise<void> {
  switch (msg.t) {
    case 'boot': {
      const pages = memoryPages(msg.opts.maxMemory);
      let memory: WebAssembly.Memory;
      if (msg.reuse && kept && kept.pages === pages) {
        memory = kept.memory;
        wipe(memory);
      } else memory = new WebAssembly.Memory({ initial: MEMORY_INITIAL_PAGES, maximum: pages, shared: true });
      if (msg.reuse) kept = { memory, pages };
      const mWorker = msg.opts.mWorker ?? sibling(import.meta.url, '../m/worker.js').href;
      // A reused machine says when its Ms have unwound after the run's exit
      // (the kernel hands its workers back in a timer of its own first).
      const emit = !msg.reuse
        ? (e: KernelEvent) => port.post(e)
        : (e: KernelEvent) => {
            port.post(e);
            if (e.t === 'exit') setTimeout(() => setTimeout(() => void recycler.settled().then(() => port.post({ t: 'recycled' })), 0), 0);
          };
      try {
        k = new Kernel(memory, msg.core, msg.image, { ...msg.opts, mWorker }, emit);
        if (msg.reuse) k.spawner = (url, name) => recycler.spawn(url, name);
        if (early) k.stop(early.reason, early.code);
        else k.boot();
      } catch (e) {
        emit({ t: 'exit', exitString: `boot: ${(e as Error).message}`, code: 1, reason: 'boot failed', threads: 0 });
      }
      early = null;
      return;
    }
    case 'postnote':
    case 'interrupt': {
      if (!k) return;
      const kk = k;
      const a = msg.t === 'postnote' ? { kind: 'note' as const, target: msg.target, text: msg.text } : { kind: 'interrupt' as const, target: msg.pid, text: '' };
      kk.hostact(() => {
        if (kk.ended) return port.post({ t: 'reply', id: msg.id, ok: false, error: 'the run is over' });
        try {
          hostaction(kk, a);
          port.post({ t: 'reply', id: msg.id, ok: true, at: Number(kk.clock.now()) });
        } catch (e) {
          if (!(e instanceof KError)) throw e;
          port.post({ t: 'reply', id: msg.id, ok: false, error: e.message });
        }
      }, () => hostcheck(kk, a));
      return;
    }
    case 'stdin':
      k?.hoststdin(msg.data, msg.eof);
      return;
    case 'stop':
      if (k) k.stop(msg.reason, msg.code);
      else early = { reason: msg.reason, code: msg.code };
      return;
  }
}
