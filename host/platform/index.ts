// The only file that knows Node from a browser. Everything above it sees
// one shape: a worker made from a module URL, a port to post and receive
// structured-clone messages, a monotonic clock and the wall clock.

export const isNode: boolean =
  typeof process !== 'undefined' && typeof process.versions === 'object' && !!process.versions.node;

type NodeWT = typeof import('node:worker_threads');
// Node's modules are loaded by platformReady(), not by a top-level await: a
// module with a top-level await is evaluated asynchronously, and terminating
// a worker while it is still being evaluated aborts the whole Node 20 process
// (V8 "Check failed: (location_) != nullptr" in
// SourceTextModule::ExecuteAsyncModule; nodejs/node#43182): the kernel
// terminates pre-started M workers at the end of a run, some still starting.
// The names are held in variables so that bundlers leave the imports alone.
const wtName = 'node:worker_threads';
const osName = 'node:os';
let wt: NodeWT | null = null;
let nodeCpus: number | null = null;
let nodeFreemem: (() => number) | null = null;
let loading: Promise<void> | null = null;

/** Load what this layer needs of Node; call (and await) once before anything else in a thread. */
export function platformReady(): Promise<void> {
  if (!isNode) return Promise.resolve();
  loading ??= (async () => {
    wt = (await import(/* @vite-ignore */ wtName)) as NodeWT;
    const os = (await import(/* @vite-ignore */ osName)) as typeof import('node:os');
    nodeCpus = os.availableParallelism();
    nodeFreemem = () => os.freemem();
  })();
  return loading;
}

function nodeWT(): NodeWT | null {
  if (isNode && !wt) throw new Error('platform: platformReady() was not awaited');
  return wt;
}

/** A worker as seen from the thread that made it. */
export interface Peer {
  post(msg: unknown): void;
  onMessage(fn: (msg: any) => void): void;
  onError(fn: (err: Error) => void): void;
  terminate(): Promise<void>;
}

/** Start a module worker. `url` must come from `new URL('./x.js', import.meta.url)`. */
export function spawn(url: URL | string, name?: string): Peer {
  const wt = nodeWT();
  if (wt) {
    const w = new wt.Worker(typeof url === 'string' ? new URL(url) : url, { name });
    // Workers must not keep a finished run alive on their own; the owner
    // terminates them, and the message listener refs them while in use.
    return {
      post: (m) => w.postMessage(m),
      onMessage: (fn) => void w.on('message', fn),
      onError: (fn) => void w.on('error', fn),
      terminate: async () => void (await w.terminate()),
    };
  }
  const w = new Worker(url, { type: 'module', name });
  return {
    post: (m) => w.postMessage(m),
    onMessage: (fn) => w.addEventListener('message', (e: MessageEvent) => fn(e.data)),
    onError: (fn) =>
      w.addEventListener('error', (e: ErrorEvent) => fn(new Error(e.message || 'worker error'))),
    terminate: async () => w.terminate(),
  };
}

/** The parent, as seen from inside a worker. */
export interface Parent {
  post(msg: unknown): void;
  onMessage(fn: (msg: any) => void): void;
}

export function parent(): Parent {
  const wt = nodeWT();
  if (wt) {
    const p = wt.parentPort;
    if (!p) throw new Error('platform.parent: not in a worker');
    return { post: (m) => p.postMessage(m), onMessage: (fn) => void p.on('message', fn) };
  }
  const g = globalThis as unknown as {
    postMessage(m: unknown): void;
    addEventListener(t: 'message', fn: (e: MessageEvent) => void): void;
  };
  return {
    post: (m) => g.postMessage(m),
    onMessage: (fn) => g.addEventListener('message', (e) => fn(e.data)),
  };
}

/**
 * Unix time in ns as a float-free bigint. performance.timeOrigin + now() is
 * the same wall clock in every thread, which is what realtime Ms need to agree
 * with the kernel on "ns since boot" without asking it.
 */
export function wallNs(): bigint {
  const ms = performance.timeOrigin + performance.now();
  return BigInt(Math.floor(ms * 1e3)) * 1000n;
}

/** How many threads can run at once on this machine. */
export function ncpu(): number {
  if (nodeCpus !== null) return nodeCpus;
  const n = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return typeof n === 'number' && n > 0 ? n : 1;
}

/** Bytes of memory the machine has free (Node), or null where a page cannot know (browsers). */
export function freeMemory(): number | null {
  return nodeFreemem ? nodeFreemem() : null;
}

/** Read a file next to the package (Node only): used to load build/core.wasm. */
export async function readURL(url: URL): Promise<Uint8Array<ArrayBuffer>> {
  if (isNode) {
    const fsName = 'node:fs/promises';
    const fs = (await import(/* @vite-ignore */ fsName)) as typeof import('node:fs/promises');
    return new Uint8Array(await fs.readFile(url));
  }
  const r = await fetch(url);
  if (!r.ok) throw new Error(`fetch ${url}: ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

/**
 * The URL of a sibling module: `rel` is written with `.js` (what tsc emits
 * into dist/); when this code runs from its `.ts` sources (vite), the `.ts`
 * file is meant.
 */
export function sibling(base: string, rel: string): URL {
  const fromSource = /\.ts(\?.*)?$/.test(base);
  return new URL(fromSource ? rel.replace(/\.js$/, '.ts') : rel, base);
}

let channel: MessageChannel | null = null;
const queued: (() => void)[] = [];
/**
 * Run fn as a new task, after the messages already waiting (setImmediate in
 * Node, a MessageChannel in a browser: no clamped timer either way).
 */
export function nextTask(fn: () => void): void {
  const g = globalThis as { setImmediate?: (f: () => void) => void };
  if (g.setImmediate) return g.setImmediate(fn);
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => queued.shift()?.();
  }
  queued.push(fn);
  channel.port2.postMessage(0);
}

type WaitAsync = (a: Int32Array, i: number, v: number) => { async: boolean; value: Promise<string> | string };

/** Atomics.waitAsync (ES2024; in Node 20 and Chromium, not yet in this lib's types). */
export function waitAsync(a: Int32Array, i: number, v: number): { async: boolean; value: Promise<string> | string } {
  return (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync(a, i, v);
}
