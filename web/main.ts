// The playground page: pick or edit a Go program, compile it in a worker, run it on the
// emulated Plan 9 through the library API (src/api), and show its output, how it ended, the live
// procs (to post notes to by hand) and the timeline picture with the cause chain of the first
// interrupted call. The main thread only ever awaits: compiling runs in a worker, the kernel and
// every M are workers of their own, and what a run produces reaches the page at most once a
// frame (web/output.ts, web/timeline.ts), so no program can freeze the page.
// Machine straight from its module: src/api/index.ts also re-exports the compiler, which only
// the compile worker needs.
import { Machine, type HostAction, type ProcView, type Runnable, type TraceEvent } from '../src/api/machine.ts';
import { formatInterrupts, formatNotes, parseInterrupts, parseNotes } from '../src/api/notes.ts';
import { timeline as textTimeline } from '../src/trace/timeline.ts';
import { chromeTrace } from '../src/trace/chrome.ts';
import { fmtTime } from '../src/trace/view.ts';
import { pendingLine } from '../src/trace/pending.ts';
import coreUrl from '../build/core.wasm?url';
// The kernel worker and the M worker, bundled by vite as module workers. Machine.start would
// find them next to its own module, which holds for dist/ and vite's dev server but not for a
// bundle, so their bundled URLs are passed explicitly.
import kernelWorkerUrl from '../host/kernel/worker.ts?worker&url';
import mWorkerUrl from '../host/m/worker.ts?worker&url';
import type { CompileReply, CompileRequest } from './compile.worker.ts';
import { SourceEditor } from './editor.ts';
import { exampleByFile, examples, type Example } from './examples.ts';
import { OutputPane } from './output.ts';
import { openInPerfetto } from './perfetto.ts';
import { Timeline } from './timeline.ts';
import { decodeSpec, encodeSpec, type RunSpec, type ScheduledInterrupt, type ScheduledNote } from './share.ts';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`playground: no #${id}`);
  return el as T;
}

const ui = {
  form: byId<HTMLFormElement>('controls'),
  example: byId<HTMLSelectElement>('example'),
  options: byId<HTMLDetailsElement>('options'),
  optionsSummary: byId<HTMLElement>('options-summary'),
  seed: byId<HTMLInputElement>('seed'),
  notes: byId<HTMLInputElement>('notes'),
  interrupts: byId<HTMLInputElement>('interrupts'),
  run: byId<HTMLButtonElement>('run'),
  stop: byId<HTMLButtonElement>('stop'),
  share: byId<HTMLButtonElement>('share'),
  shareOut: byId<HTMLParagraphElement>('share-out'),
  download: byId<HTMLButtonElement>('download'),
  perfetto: byId<HTMLButtonElement>('perfetto'),
  perfettoOut: byId<HTMLParagraphElement>('perfetto-out'),
  about: byId<HTMLParagraphElement>('about'),
  status: byId<HTMLParagraphElement>('status'),
  exit: byId<HTMLElement>('exit'),
  code: byId<HTMLElement>('code'),
  compileMs: byId<HTMLElement>('compile-ms'),
  elapsed: byId<HTMLElement>('elapsed'),
  clockMs: byId<HTMLElement>('clock-ms'),
  output: byId<HTMLPreElement>('output'),
  outputMore: byId<HTMLElement>('output-more'),
  timeline: byId<HTMLPreElement>('timeline'),
  timelineText: byId<HTMLDetailsElement>('tl-text'),
  isolation: byId<HTMLDivElement>('isolation'),
  post: byId<HTMLFormElement>('post'),
  procs: byId<HTMLTableElement>('procs'),
  postText: byId<HTMLInputElement>('post-text'),
  postSend: byId<HTMLButtonElement>('post-send'),
  postOut: byId<HTMLParagraphElement>('post-out'),
};

/** The name a program has when it is not one of the examples (as on go.dev/play). */
const OWN_FILE = 'prog.go';

const editor = new SourceEditor(byId('editor'), 'source-label');
const output = new OutputPane(ui.output, ui.outputMore, () => filename);
const picture = new Timeline({
  root: byId('tl'),
  details: byId('tl-details'),
  chain: byId('tl-chain'),
  legend: byId('tl-legend'),
  axis: byId('tl-axis'),
  goroutines: byId('tl-goroutines'),
  zoomIn: byId('tl-zoom-in'),
  zoomOut: byId('tl-zoom-out'),
  fit: byId('tl-fit'),
  replay: byId('tl-replay'),
  back: byId('tl-back'),
  play: byId('tl-play'),
  forward: byId('tl-fwd'),
  replayText: byId('tl-replay-text'),
});
// A selected event (chain entry, shape, replay step): the editor marks the line its goroutine
// was running (docs/trace.md "Source positions").
picture.onSelect = (_e, index) => {
  const v = picture.model;
  editor.highlightLine(v && index >= 0 && ranFile === filename ? v.sourceLine(index, filename) : null);
};

type State = 'loading' | 'ready' | 'compiling' | 'running' | 'stopping' | 'done' | 'stopped' | 'error' | 'not-isolated';

function setState(state: State, message: string): void {
  document.body.dataset.state = state;
  ui.status.textContent = message;
  const busy = state === 'compiling' || state === 'running' || state === 'stopping';
  ui.run.disabled = busy || state === 'loading' || state === 'not-isolated';
  ui.stop.disabled = !(state === 'compiling' || state === 'running');
  ui.share.disabled = state === 'loading' || state === 'not-isolated';
  ui.download.disabled = busy || lastEvents.length === 0;
  ui.perfetto.disabled = ui.download.disabled;
  ui.postSend.disabled = state !== 'running';
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
    'To fix it, serve the page with the headers "Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp" on every response, worker scripts included: `npm run web` (development) and `npx vite preview web` (after `npm run web:build`) both do. Then reload. On a host that cannot send headers, the service worker shipped with the site (coi-sw.js) adds them: it needs HTTPS (or localhost) and a browser that allows service workers.',
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
    done({ id: -1, ok: false, message: `compile worker failed: ${ev.message}`, ms: 0, errors: [] });
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
// compiles the shown program ahead, while the user reads it, and Run then starts at once.
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

// ---- The program shown -------------------------------------------------------------------

/** The example in the editor, as long as its text is the example's; null for the user's own. */
let shown: Example | null = examples[0];
let filename = examples[0].file;
/** The file of the run the picture shows (its source lines are only marked while it is shown). */
let ranFile = '';

const ownOption = document.createElement('option');
ownOption.value = OWN_FILE;
ownOption.textContent = `${OWN_FILE} (your program)`;

for (const ex of examples) {
  const o = document.createElement('option');
  o.value = ex.file;
  o.textContent = `${ex.file}: ${ex.title}`;
  ui.example.append(o);
}

function showExample(file: string): void {
  const ex = exampleByFile(file);
  if (!ex) return;
  shown = ex;
  filename = ex.file;
  ownOption.remove();
  ui.example.value = ex.file;
  editor.text = ex.source;
  ui.about.textContent = ex.about;
  ui.about.hidden = false;
  const clock = ui.form.querySelector<HTMLInputElement>(`input[name="clock"][value="${ex.clock ?? 'virtual'}"]`);
  if (clock) clock.checked = true;
  const poll = ui.form.querySelector<HTMLInputElement>(`input[name="poll"][value="${ex.poll ?? 'current'}"]`);
  if (poll) poll.checked = true;
  ui.notes.value = '';
  ui.interrupts.value = '';
  optionsSummary();
  if (!isolationProblem()) compileCached(editor.text, filename, true);
}

/** The code is no longer the example's (or never was): it is the user's own program. */
function showOwn(about = ''): void {
  shown = null;
  filename = OWN_FILE;
  if (!ownOption.isConnected) ui.example.prepend(ownOption);
  ui.example.value = OWN_FILE;
  ui.about.textContent = about;
  ui.about.hidden = about === '';
}

// Inline errors while editing: compile (in the worker) a moment after typing stops.
let checkTimer: ReturnType<typeof setTimeout> | null = null;
editor.onChange(() => {
  if (shown && editor.text !== shown.source) showOwn();
  if (checkTimer) clearTimeout(checkTimer);
  if (isolationProblem()) return;
  checkTimer = setTimeout(() => {
    const source = editor.text;
    const file = filename;
    void compileCached(source, file, true).reply.then((r) => {
      if (editor.text !== source) return; // stale
      editor.showErrors(r.ok ? [] : r.errors.filter((e) => e.file === file));
    });
  }, 600);
});

// The options that are not their defaults, beside the folded section's title.
function optionsSummary(): void {
  const spec = readSpec();
  if (typeof spec === 'string') {
    ui.optionsSummary.textContent = '';
    return;
  }
  const parts: string[] = [];
  if (spec.seed !== 1) parts.push(`seed ${spec.seed}`);
  if (spec.clock === 'real') parts.push('wall clock');
  if (spec.poll === 'go1.19') parts.push('Go 1.19.8 poll');
  if (spec.notes.length) parts.push(`${spec.notes.length} scheduled note${spec.notes.length > 1 ? 's' : ''}`);
  if (spec.interrupts.length) parts.push(`${spec.interrupts.length} scheduled interrupt${spec.interrupts.length > 1 ? 's' : ''}`);
  ui.optionsSummary.textContent = parts.length ? `(${parts.join(', ')})` : '';
}
ui.form.addEventListener('change', optionsSummary);
ui.form.addEventListener('input', optionsSummary);

// ---- Live procs and posting notes by hand ------------------------------------------------

let current: Machine | null = null;
let liveTimer: ReturnType<typeof setInterval> | null = null;
let selectedPid = 1;

function showProcs(view: ProcView[]): void {
  const body = ui.procs.tBodies[0];
  const live = view.filter((p) => p.state !== 'dead');
  if (!live.some((p) => p.pid === selectedPid) && live.length > 0) selectedPid = live[0].pid;
  // Keep focus on a radio the user is on: replace rows only when something changed.
  const sig = live.map((p) => `${p.pid}/${p.state}/${callText(p)}/${p.notes.join('|')}/${p.pid === selectedPid}`).join(';');
  if (body.dataset.sig === sig) return;
  body.dataset.sig = sig;
  const rows = live.map((p) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    const label = document.createElement('label');
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'pid';
    radio.value = String(p.pid);
    radio.checked = p.pid === selectedPid;
    radio.addEventListener('change', () => (selectedPid = p.pid));
    label.append(radio, ` pid ${p.pid}`);
    th.append(label);
    tr.append(th);
    for (const text of [p.state, callText(p), p.notes.length ? p.notes.map((n) => JSON.stringify(n)).join(' ') : '–']) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    // A proc asleep in a system call: end that call (9front's ctl interrupt, Machine.interrupt).
    const act = document.createElement('td');
    if (p.call?.interruptible) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'interrupt';
      b.textContent = 'interrupt';
      b.title = `End pid ${p.pid}'s ${p.sys} with "interrupted" (no note: 9front's ctl interrupt)`;
      b.addEventListener('click', () => interruptCall(p.pid, p.sys!));
      act.append(b);
    }
    tr.append(act);
    tr.dataset.pid = String(p.pid);
    tr.dataset.state = p.state;
    tr.dataset.sys = p.sys ?? '';
    return tr;
  });
  const focused = document.activeElement instanceof HTMLInputElement && document.activeElement.name === 'pid';
  body.replaceChildren(...rows);
  if (focused) body.querySelector<HTMLInputElement>(`input[value="${selectedPid}"]`)?.focus();
}

/** The pending-call table's line for a proc (issue 11): the call, its arguments, since when, the Go code that made it. */
function callText(p: ProcView): string {
  return p.call ? pendingLine(p.call) : p.sys ?? '–';
}

function interruptCall(pid: number, sys: string): void {
  const m = current;
  if (!m) return;
  m.interrupt(pid).then(
    () => (ui.postOut.textContent = `Interrupted pid ${pid}'s ${sys}.`),
    (e: Error) => (ui.postOut.textContent = `Not interrupted: ${e.message}`),
  );
}

/** While the run waits for the host, the status line says so and what can be done. */
function showWaiting(m: Machine, spec: RunSpec): void {
  const w = m.waiting;
  if ((document.body.dataset.waiting === '1') === (w !== null)) return;
  if (w) {
    document.body.dataset.waiting = '1';
    ui.status.textContent = `${spec.file} is ${w}: post a note or interrupt a call below, or Stop.`;
  } else {
    delete document.body.dataset.waiting;
    ui.status.textContent = `Running ${spec.file} (${spec.clock} time, seed ${spec.seed})…`;
  }
}

ui.post.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const m = current;
  const text = ui.postText.value.trim();
  if (!m || text === '') return;
  const pid = selectedPid;
  m.postnote(pid, text).then(
    () => (ui.postOut.textContent = `Posted "${text}" to pid ${pid}.`),
    (e: Error) => (ui.postOut.textContent = `Not posted: ${e.message}`),
  );
});

// ---- Running ---------------------------------------------------------------------------

let lastEvents: TraceEvent[] = [];
/** What the last run was, for Share: its program and what was done to it by hand, at the times it took effect. */
let lastRun: (RunSpec & { hand: HostAction[] }) | null = null;

function readSpec(): RunSpec | string {
  const seed = Number.parseInt(ui.seed.value, 10);
  if (!Number.isSafeInteger(seed) || seed < 0) return 'The seed must be a whole number, 0 or more.';
  const clockInput = ui.form.querySelector<HTMLInputElement>('input[name="clock"]:checked');
  const pollInput = ui.form.querySelector<HTMLInputElement>('input[name="poll"]:checked');
  let notes: ScheduledNote[];
  let interrupts: ScheduledInterrupt[];
  try {
    notes = parseNotes(ui.notes.value);
  } catch (e) {
    return `Scheduled notes: ${(e as Error).message}`;
  }
  try {
    interrupts = parseInterrupts(ui.interrupts.value);
  } catch (e) {
    return `Scheduled interrupts: ${(e as Error).message}`;
  }
  return {
    file: filename,
    source: editor.text,
    seed,
    clock: clockInput?.value === 'real' ? 'real' : 'virtual',
    poll: pollInput?.value === 'go1.19' ? 'go1.19' : 'current',
    notes,
    interrupts,
  };
}

function ms(t: number): string {
  return fmtTime(t * 1e6);
}

/** How a run ended, in words for the Exit field. */
function ending(exitString: string, reason: string): string {
  if (reason === 'stopped') return 'stopped (Stop was pressed)';
  if (reason === 'timeout') return 'stopped (ran past its time limit)';
  if (reason !== 'pid 1 exited') return reason;
  return exitString === '' ? '"" (success)' : JSON.stringify(exitString);
}

async function run(): Promise<void> {
  const spec = readSpec();
  if (typeof spec === 'string') {
    setState('error', spec);
    return;
  }
  // Runs started, for whoever waits for this one (tests).
  document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
  output.clear();
  ui.timeline.textContent = '';
  ui.postOut.textContent = '';
  ui.shareOut.replaceChildren();
  ui.perfettoOut.replaceChildren();
  picture.clear();
  editor.highlightLine(null);
  lastEvents = [];
  delete document.body.dataset.waiting;
  ranFile = spec.file;
  for (const dd of [ui.exit, ui.code, ui.compileMs, ui.elapsed, ui.clockMs]) dd.textContent = '–';
  delete ui.exit.dataset.exit;
  delete ui.exit.dataset.reason;
  editor.showErrors([]);

  setState('compiling', `Compiling ${spec.file}…`);
  stopWanted = false;
  const c = compileCached(spec.source, spec.file, false);
  const [compiled, core] = await Promise.all([c.reply, loadCore()]);
  ui.compileMs.textContent = ms(compiled.ms) + (c.ahead ? ' (ahead)' : '');
  if (stopWanted) {
    ui.exit.textContent = 'stopped before it ran';
    setState('stopped', `Stopped: ${spec.file} did not run.`);
    return;
  }
  if (!compiled.ok) {
    // What the compiler reports, one line per error, as file:line:col: message.
    output.write('stderr', compiled.message.endsWith('\n') ? compiled.message : compiled.message + '\n');
    output.flush();
    editor.showErrors(compiled.errors.filter((e) => e.file === spec.file));
    ui.exit.textContent = '(did not run)';
    ui.code.textContent = '2';
    const n = compiled.errors.length;
    setState('error', `${spec.file} does not compile: ${n > 1 ? `${n} errors, marked` : 'the error is marked'} in the editor and listed under Output.`);
    return;
  }

  const poll = spec.poll === 'current' ? '' : `, internal/poll of ${spec.poll}`;
  setState('running', `Running ${spec.file} (${spec.clock} time, seed ${spec.seed}${poll})…`);
  picture.begin();
  const t0 = performance.now();
  const m = await Machine.start(compiled.program as Runnable, {
    clock: spec.clock,
    seed: spec.seed,
    poll: spec.poll,
    notes: spec.notes,
    actions: spec.interrupts.map((i) => ({ at: i.at, kind: 'interrupt' as const, pid: i.pid })),
    core,
    timeoutMs: RUN_LIMIT_S * 1000,
    kernelWorker: new URL(kernelWorkerUrl, location.href),
    // Absolute: the kernel worker spawns the Ms, and relative URLs there resolve against its own.
    mWorker: new URL(mWorkerUrl, location.href),
    onStdout: (chunk) => output.write('stdout', chunk),
    onStderr: (chunk) => output.write('stderr', chunk),
    // The picture's model grows with every batch; it is drawn a few times a second below.
    onTrace: (batch) => picture.add(batch),
  });
  current = m;
  if (stopWanted) m.stop();
  liveTimer = setInterval(() => {
    showProcs(m.procs());
    showWaiting(m, spec);
    picture.refresh();
  }, 300);
  showProcs(m.procs());
  const { exitString, code, reason } = await m.exited;
  const wall = performance.now() - t0;
  if (liveTimer) clearInterval(liveTimer);
  liveTimer = null;
  current = null;
  output.flush();
  ui.procs.tBodies[0].replaceChildren();
  delete ui.procs.tBodies[0].dataset.sig;
  delete document.body.dataset.waiting;
  ui.exit.textContent = ending(exitString, reason);
  ui.exit.dataset.exit = exitString;
  ui.exit.dataset.reason = reason;
  ui.code.textContent = String(code);
  ui.elapsed.textContent = ms(wall);
  // The trace's last batch is posted just before the exit message: let it land.
  await new Promise((r) => setTimeout(r, 0));
  const events = m.trace();
  lastEvents = events;
  lastRun = { ...spec, hand: m.actions() };
  const view = picture.show(events);
  if (ui.timelineText.open) showTextTimeline();
  // The kernel's clock at the end: in virtual time, how long the program believed it ran
  // (sleeps and deadlines included) next to how long it really took.
  const end = events.at(-1);
  if (end) {
    ui.clockMs.textContent = `${fmtTime(end.t)} (${spec.clock})`;
    ui.clockMs.dataset.ns = String(end.t);
  }
  // The story: the first interrupted call, selected, with its cause chain.
  if (view.interrupted.length > 0) picture.explain(view.interrupted[0]);
  if (reason === 'stopped') {
    setState('stopped', `Stopped: ${spec.file} ran ${ms(wall)} and was ended by Stop.`);
    return;
  }
  if (reason === 'timeout') {
    setState('error', `${spec.file} was stopped after ${ms(wall)}: a run may take up to ${RUN_LIMIT_S} s of wall-clock time here.`);
    return;
  }
  if (reason !== 'pid 1 exited') {
    // Not the program's own end: a timeout, a deadlock of every proc, a kernel failure.
    setState('error', `${spec.file} did not finish on its own: ${reason} (exit code ${code}).`);
    return;
  }
  const interrupted = view.interrupted.length;
  const story = interrupted > 0 ? ` ${interrupted} call${interrupted > 1 ? 's were' : ' was'} interrupted: the first is selected in the timeline, its cause chain below it.` : '';
  setState('done', `${spec.file} exited ${exitString === '' ? 'successfully' : `with "${exitString}"`} after ${ms(wall)}.${story}`);
}

let stopWanted = false;
/** Wall-clock seconds a run may take (Machine.start's timeoutMs). */
const RUN_LIMIT_S = 60;

function startRun(): void {
  if (ui.run.disabled) return;
  run().catch((e: unknown) => {
    current = null;
    if (liveTimer) clearInterval(liveTimer);
    liveTimer = null;
    const err = e as Error;
    output.write('stderr', `p9rt: ${err?.message ?? String(e)}\n`);
    output.flush();
    setState('error', `The run failed: ${err?.message ?? String(e)}`);
    console.error(e);
  });
}

ui.form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  startRun();
});

// Ctrl+Enter (Cmd+Enter) or Shift+Enter anywhere on the page runs, as in the editor.
editor.onRun = startRun;
document.addEventListener('keydown', (ev) => {
  if (ev.key !== 'Enter' || !(ev.ctrlKey || ev.metaKey || ev.shiftKey)) return;
  if ((ev.target as Element | null)?.closest?.('.cm-editor, #post')) return;
  ev.preventDefault();
  startRun();
});

ui.stop.addEventListener('click', () => {
  stopWanted = true;
  const m = current;
  if (m) {
    setState('stopping', 'Stopping…');
    m.stop();
  }
});

ui.example.addEventListener('change', () => {
  if (ui.example.value !== OWN_FILE) showExample(ui.example.value);
});

// ---- Text timeline, shown when asked (a long run's is long) --------------------------------

const TEXT_TIMELINE_MAX = 50_000;

function showTextTimeline(): void {
  if (lastEvents.length > TEXT_TIMELINE_MAX) {
    ui.timeline.textContent = `${lastEvents.length.toLocaleString('en')} events: too many to list here. Use "Trace JSON" or "Open in Perfetto", or p9rt run --timeline.`;
    return;
  }
  ui.timeline.textContent = lastEvents.length ? textTimeline(lastEvents) : '';
}
ui.timelineText.addEventListener('toggle', () => {
  if (ui.timelineText.open) showTextTimeline();
});

// ---- Share, download and Perfetto ------------------------------------------------------------

ui.share.addEventListener('click', () => {
  const spec = readSpec();
  if (typeof spec === 'string') {
    setState('error', spec);
    return;
  }
  // Notes and interrupts made by hand in the last run of this very program travel with it, at
  // the program-clock time each took effect (Machine.actions), so the link reproduces that run.
  const same = lastRun && lastRun.source === spec.source && lastRun.file === spec.file;
  const hand = same ? lastRun!.hand : [];
  const notes = [...spec.notes, ...hand.flatMap((a) => (a.kind === 'note' ? [{ at: a.at, target: a.target, text: a.text }] : []))].sort((a, b) => a.at - b.at);
  const interrupts = [...spec.interrupts, ...hand.flatMap((a) => (a.kind === 'interrupt' ? [{ at: a.at, pid: a.pid }] : []))].sort((a, b) => a.at - b.at);
  void encodeSpec({ ...spec, notes, interrupts }).then(async (frag) => {
    const url = `${location.origin}${location.pathname}#${frag}`;
    history.replaceState(null, '', `#${frag}`);
    const a = document.createElement('a');
    a.href = url;
    a.id = 'share-link';
    a.textContent = 'link to this run';
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // No clipboard permission (or not focused): the link is on the page to copy by hand.
    }
    const extra = [notes.length ? `${notes.length} scheduled note${notes.length > 1 ? 's' : ''}` : '', interrupts.length ? `${interrupts.length} scheduled interrupt${interrupts.length > 1 ? 's' : ''}` : ''].filter(Boolean);
    ui.shareOut.replaceChildren(copied ? 'Copied: ' : 'Share this ', a, extra.length ? ` (with ${extra.join(' and ')})` : '');
  });
});

function traceName(): string {
  return `${ranFile.replace(/\.go$/, '')}.trace.json`;
}

function saveTrace(): string {
  const blob = new Blob([chromeTrace(lastEvents)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = traceName();
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  return a.download;
}

ui.download.addEventListener('click', () => {
  if (lastEvents.length > 0) saveTrace();
});

ui.perfetto.addEventListener('click', () => {
  if (lastEvents.length === 0) return;
  const json = chromeTrace(lastEvents);
  void openInPerfetto(json, traceName(), () => saveTrace(), (msg) => ui.perfettoOut.replaceChildren(...msg));
});

// ---- Start -----------------------------------------------------------------------------

async function start(): Promise<void> {
  let shared: RunSpec | null = null;
  let damaged = '';
  try {
    shared = await decodeSpec(location.hash);
  } catch (e) {
    damaged = (e as Error).message;
  }
  if (shared) {
    const ex = exampleByFile(shared.file);
    if (ex && ex.source === shared.source) {
      showExample(ex.file);
    } else {
      editor.text = shared.source;
      showOwn('A shared program.');
    }
    ui.seed.value = String(shared.seed);
    const clock = ui.form.querySelector<HTMLInputElement>(`input[name="clock"][value="${shared.clock}"]`);
    if (clock) clock.checked = true;
    const poll = ui.form.querySelector<HTMLInputElement>(`input[name="poll"][value="${shared.poll}"]`);
    if (poll) poll.checked = true;
    ui.notes.value = formatNotes(shared.notes);
    ui.interrupts.value = formatInterrupts(shared.interrupts);
    optionsSummary();
  } else {
    showExample(examples[0].file);
  }
  const problem = isolationProblem();
  if (problem) {
    explainIsolation(problem);
    setState('not-isolated', 'Programs cannot run on this page: it is not cross-origin isolated (see above).');
    return;
  }
  // Fetch and compile core.wasm, and compile the shown program, now, so Run waits for neither.
  loadCore().catch((e: unknown) => {
    setState('error', `core.wasm could not be loaded: ${(e as Error).message}`);
  });
  compileCached(editor.text, filename, true);
  if (damaged) {
    setState('error', `The link could not be opened: ${damaged} The first example is shown instead.`);
    ui.shareOut.textContent = `Damaged link: ${damaged}`;
  } else if (shared) {
    setState('ready', 'Running the shared program…');
    startRun();
  } else {
    setState('ready', 'Ready: press Run (or Ctrl+Enter) to run the program.');
  }
}

// The page's one hook for tests and the console: draw a trace (schema v1, docs/trace.md) as if a
// run had produced it, e.g. one saved from Machine.trace() or a generated one a million long.
(window as unknown as { p9rt: object }).p9rt = {
  showTrace(events: TraceEvent[]): void {
    lastEvents = events;
    ranFile = '';
    output.clear();
    for (const dd of [ui.exit, ui.code, ui.compileMs, ui.elapsed, ui.clockMs]) dd.textContent = '–';
    if (ui.timelineText.open) showTextTimeline();
    const view = picture.show(events);
    if (view.interrupted.length > 0) picture.explain(view.interrupted[0]);
    setState('done', `A trace of ${events.length.toLocaleString('en')} events is shown.`);
  },
};

void start();
