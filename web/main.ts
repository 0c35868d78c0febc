// The playground page: pick or edit a Go program, compile it in a worker, run it on the
// emulated Plan 9 through the library API (src/api) and show its output, exit string, elapsed
// time and text timeline. The main thread only ever awaits: compiling runs in a worker, the
// kernel and every M are workers of their own.
// Machine straight from its module: src/api/index.ts also re-exports the compiler, which only
// the compile worker needs.
import { Machine, type Runnable } from '../src/api/machine.ts';
import { timeline } from '../src/trace/index.ts';
import coreUrl from '../build/core.wasm?url';
// The kernel worker and the M worker, bundled by vite as module workers. Machine.start would
// find them next to its own module, which holds for dist/ and vite's dev server but not for a
// bundle, so their bundled URLs are passed explicitly.
import kernelWorkerUrl from '../host/kernel/worker.ts?worker&url';
import mWorkerUrl from '../host/m/worker.ts?worker&url';
import deadlineSource from '../examples/deadline.go?raw';
import hangupSource from '../examples/hangup.go?raw';
import type { CompileReply, CompileRequest } from './compile.worker.ts';

const examples: Record<string, string> = {
  'deadline.go': deadlineSource,
  'hangup.go': hangupSource,
};

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`playground: no #${id}`);
  return el as T;
}

const ui = {
  form: byId<HTMLFormElement>('controls'),
  example: byId<HTMLSelectElement>('example'),
  seed: byId<HTMLInputElement>('seed'),
  run: byId<HTMLButtonElement>('run'),
  stop: byId<HTMLButtonElement>('stop'),
  source: byId<HTMLTextAreaElement>('source'),
  status: byId<HTMLParagraphElement>('status'),
  exit: byId<HTMLElement>('exit'),
  code: byId<HTMLElement>('code'),
  compileMs: byId<HTMLElement>('compile-ms'),
  elapsed: byId<HTMLElement>('elapsed'),
  clockMs: byId<HTMLElement>('clock-ms'),
  output: byId<HTMLPreElement>('output'),
  timeline: byId<HTMLPreElement>('timeline'),
  isolation: byId<HTMLDivElement>('isolation'),
};

type State = 'loading' | 'ready' | 'compiling' | 'running' | 'done' | 'error' | 'not-isolated';

function setState(state: State, message: string): void {
  document.body.dataset.state = state;
  ui.status.textContent = message;
  const busy = state === 'compiling' || state === 'running';
  ui.run.disabled = busy || state === 'loading' || state === 'not-isolated';
  ui.stop.disabled = state !== 'running';
}

// ---- Cross-origin isolation ------------------------------------------------------------
//
// Every M shares one WebAssembly.Memory; posting a shared memory to a worker is refused unless
// the page is cross-origin isolated (COOP same-origin + COEP require-corp on every response).
// Say so plainly instead of failing somewhere deep in a worker.

function isolationProblem(): string | null {
  // Check isolation first: without it Chromium hides SharedArrayBuffer too, and the missing
  // headers, not the browser, are then what the user has to fix.
  if (!self.crossOriginIsolated) return 'This page is not cross-origin isolated.';
  if (typeof SharedArrayBuffer !== 'function') return 'This browser offers no SharedArrayBuffer.';
  return null;
}

function explainIsolation(problem: string): void {
  ui.isolation.hidden = false;
  ui.isolation.replaceChildren();
  const lines = [
    `${problem} p9rt runs every Plan 9 proc as a worker over one shared WebAssembly memory, which browsers only allow on cross-origin isolated pages, so programs cannot run here.`,
    'To fix it, serve the page with the headers "Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp" on every response, worker scripts included: `npm run web` (development) and `npx vite preview web` (after `npm run web:build`) both do. Then reload.',
  ];
  for (const text of lines) {
    const p = document.createElement('p');
    p.textContent = text;
    ui.isolation.append(p);
  }
}

// ---- core.wasm, compiled once and shared -----------------------------------------------

let coreModule: Promise<WebAssembly.Module> | null = null;

function loadCore(): Promise<WebAssembly.Module> {
  coreModule ??= (async () => {
    const res = await fetch(coreUrl);
    if (!res.ok) throw new Error(`fetching core.wasm: ${res.status} ${res.statusText}`);
    // compileStreaming needs the application/wasm type; some static servers send another.
    if ((res.headers.get('content-type') ?? '').startsWith('application/wasm')) {
      return WebAssembly.compileStreaming(res);
    }
    return WebAssembly.compile(await res.arrayBuffer());
  })();
  return coreModule;
}

// ---- The compile worker ----------------------------------------------------------------

const compiler = new Worker(new URL('./compile.worker.ts', import.meta.url), { type: 'module' });
let compileSeq = 0;
const compileWaiters = new Map<number, (r: CompileReply) => void>();
compiler.onmessage = (ev: MessageEvent<CompileReply>) => {
  const done = compileWaiters.get(ev.data.id);
  compileWaiters.delete(ev.data.id);
  done?.(ev.data);
};
compiler.onerror = (ev: ErrorEvent) => {
  for (const done of compileWaiters.values()) {
    done({ id: -1, ok: false, message: `compile worker failed: ${ev.message}`, ms: 0 });
  }
  compileWaiters.clear();
};

function compileInWorker(source: string, filename: string): Promise<CompileReply> {
  const id = ++compileSeq;
  return new Promise((resolve) => {
    compileWaiters.set(id, resolve);
    const req: CompileRequest = { id, source, filename };
    compiler.postMessage(req);
  });
}

// Compiles are pure functions of (filename, source), so a result is kept and reused: the page
// compiles the selected example ahead, while the user reads it, and Run then starts at once.
interface Compiled {
  reply: Promise<CompileReply>;
  ahead: boolean;
}
const compiles = new Map<string, Compiled>();

function compileCached(source: string, filename: string, ahead: boolean): Compiled {
  const key = `${filename}\0${source}`;
  let c = compiles.get(key);
  if (!c) {
    c = { reply: compileInWorker(source, filename), ahead };
    compiles.set(key, c);
    // A crashed worker is not an answer about this source: forget it so Run can retry.
    void c.reply.then((r) => {
      if (r.id === -1) compiles.delete(key);
    });
    while (compiles.size > 8) compiles.delete(compiles.keys().next().value as string);
  }
  return c;
}

// ---- Output ----------------------------------------------------------------------------

type Stream = 'stdout' | 'stderr';

// Machine decodes the program's bytes (a shared-memory copy in the kernel) into text for us.
function append(stream: Stream, s: string): void {
  if (s === '') return;
  // Consecutive writes to one stream share a span, so the pane holds few nodes.
  const last = ui.output.lastElementChild as HTMLSpanElement | null;
  if (last && last.className === stream) {
    last.textContent += s;
  } else {
    const span = document.createElement('span');
    span.className = stream;
    span.textContent = s;
    ui.output.append(span);
  }
  ui.output.scrollTop = ui.output.scrollHeight;
}

function ms(t: number): string {
  return t < 10 ? `${t.toFixed(2)} ms` : `${Math.round(t)} ms`;
}

// ---- Running ---------------------------------------------------------------------------

let current: Machine | null = null;

async function run(): Promise<void> {
  const source = ui.source.value;
  const filename = ui.example.value;
  const seed = Number.parseInt(ui.seed.value, 10);
  const clockInput = ui.form.querySelector<HTMLInputElement>('input[name="clock"]:checked');
  const clock = clockInput?.value === 'real' ? 'real' : 'virtual';
  if (!Number.isSafeInteger(seed) || seed < 0) {
    setState('error', 'The seed must be a whole number, 0 or more.');
    ui.seed.focus();
    return;
  }

  ui.output.replaceChildren();
  ui.timeline.textContent = '';
  for (const dd of [ui.exit, ui.code, ui.compileMs, ui.elapsed, ui.clockMs]) dd.textContent = '–';

  setState('compiling', `Compiling ${filename}…`);
  const c = compileCached(source, filename, false);
  const [compiled, core] = await Promise.all([c.reply, loadCore()]);
  ui.compileMs.textContent = ms(compiled.ms) + (c.ahead ? ' (ahead of Run)' : '');
  if (!compiled.ok) {
    append('stderr', compiled.message.endsWith('\n') ? compiled.message : compiled.message + '\n');
    ui.exit.textContent = '(did not run)';
    ui.code.textContent = '2';
    setState('error', 'Compile error: see the output.');
    return;
  }

  setState('running', `Running ${filename} (${clock} time, seed ${seed})…`);
  const t0 = performance.now();
  const m = await Machine.start(compiled.program as Runnable, {
    clock,
    seed,
    core,
    kernelWorker: new URL(kernelWorkerUrl, location.href),
    // Absolute: the kernel worker spawns the Ms, and relative URLs there resolve against its own.
    mWorker: new URL(mWorkerUrl, location.href),
    onStdout: (chunk) => append('stdout', chunk),
    onStderr: (chunk) => append('stderr', chunk),
  });
  current = m;
  const { exitString, code, reason } = await m.exited;
  const wall = performance.now() - t0;
  current = null;
  ui.exit.textContent = exitString === '' ? '"" (success)' : JSON.stringify(exitString);
  ui.exit.dataset.exit = exitString;
  ui.code.textContent = String(code);
  ui.elapsed.textContent = ms(wall);
  const events = m.trace();
  ui.timeline.textContent = timeline(events);
  // The kernel's clock at the end: in virtual time, how long the program believed it ran
  // (sleeps and deadlines included) next to how long it really took.
  const end = events.at(-1);
  if (end) {
    ui.clockMs.textContent = `${ms(end.t / 1e6)} (${clock})`;
    ui.clockMs.dataset.ns = String(end.t);
  }
  if (reason !== 'pid 1 exited') {
    // Not the program's own end: a timeout, a deadlock of every proc, a stop, a kernel failure.
    setState('error', `${filename} did not finish on its own: ${reason} (exit code ${code}).`);
    return;
  }
  setState('done', `${filename} exited ${exitString === '' ? 'successfully' : `with "${exitString}"`} after ${ms(wall)}.`);
}

ui.form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  run().catch((e: unknown) => {
    current = null;
    const err = e as Error;
    append('stderr', `p9rt: ${err?.message ?? String(e)}\n`);
    setState('error', `The run failed: ${err?.message ?? String(e)}`);
    console.error(e);
  });
});

ui.stop.addEventListener('click', () => {
  current?.stop();
});

ui.example.addEventListener('change', () => {
  ui.source.value = examples[ui.example.value] ?? '';
  if (!isolationProblem()) compileCached(ui.source.value, ui.example.value, true);
});

// Tab in the editor inserts a tab (Go's indentation); Escape then Tab leaves the editor, so
// keyboard users are never trapped.
let escaped = false;
ui.source.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape') {
    escaped = true;
    return;
  }
  if (ev.key === 'Tab' && !ev.shiftKey && !escaped && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
    ev.preventDefault();
    const { selectionStart: a, selectionEnd: b, value } = ui.source;
    ui.source.value = value.slice(0, a) + '\t' + value.slice(b);
    ui.source.selectionStart = ui.source.selectionEnd = a + 1;
  }
  escaped = false;
});

// ---- Start -----------------------------------------------------------------------------

ui.source.value = examples[ui.example.value] ?? '';
const problem = isolationProblem();
if (problem) {
  explainIsolation(problem);
  setState('not-isolated', 'Programs cannot run on this page: it is not cross-origin isolated (see above).');
} else {
  setState('ready', 'Ready. Press Run (or Enter in a field).');
  // Start fetching and compiling core.wasm, and compiling the shown example, now, so the first
  // Run waits for neither.
  loadCore().catch((e: unknown) => {
    setState('error', `core.wasm could not be loaded: ${(e as Error).message}`);
  });
  compileCached(ui.source.value, ui.example.value, true);
}
