// The kernel worker's entry: boot on the first message, then serve control
// messages (postnote, interrupt, stdin, stop) from the thread that started the run.
import { MEMORY_DEFAULT_PAGES, MEMORY_INITIAL_PAGES, MEMORY_MAXIMUM_PAGES, PAGE } from '../abi/defs.js';

/**
 * The maximum of the run's memory: what its heap limit needs, not wasm32's
 * 4 GiB, so a run reserves (and a browser tab is asked for) only that. The
 * core's import declares MEMORY_MAXIMUM_PAGES and accepts any smaller maximum.
 */
function memoryPages(limit: number | undefined): number {
  const pages = limit === undefined ? MEMORY_DEFAULT_PAGES : Math.ceil(limit / PAGE);
  return Math.min(MEMORY_MAXIMUM_PAGES, Math.max(MEMORY_INITIAL_PAGES, pages));
}
import { parent, platformReady, sibling } from '../platform/index.js';
import { Kernel, type KernelOptions } from './kernel.js';
import { KError } from './error.js';
import { hostaction, hostcheck } from './proc.js';

export interface BootMsg {
  t: 'boot';
  core: WebAssembly.Module | null;
  image: Uint8Array;
  opts: Omit<KernelOptions, 'mWorker'> & { mWorker?: string };
}

export type ControlMsg =
  | BootMsg
  | { t: 'postnote'; id: number; target: 'main' | 'group' | number; text: string }
  | { t: 'interrupt'; id: number; pid: number }
  | { t: 'stdin'; data: Uint8Array; eof: boolean }
  | { t: 'stop'; reason: string; code: number };

let k: Kernel | null = null;
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
      const memory = new WebAssembly.Memory({ initial: MEMORY_INITIAL_PAGES, maximum: memoryPages(msg.opts.maxMemory), shared: true });
      const mWorker = msg.opts.mWorker ?? sibling(import.meta.url, '../m/worker.js').href;
      try {
        k = new Kernel(memory, msg.core, msg.image, { ...msg.opts, mWorker }, (e) => port.post(e));
        if (early) k.stop(early.reason, early.code);
        else k.boot();
      } catch (e) {
        port.post({ t: 'exit', exitString: `boot: ${(e as Error).message}`, code: 1, reason: 'boot failed' });
      }
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
