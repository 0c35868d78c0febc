// The timeline as a picture (SVG): a lane per proc with the calls that slept as bars, goroutine
// lanes that expand, notes as arrows from poster to target labelled with the handler's decision,
// timers and deadlines as markers. Wheel or +/- zoom, drag or arrow keys pan, 0 fits; hovering
// or focusing a shape describes it; clicking (or Enter on) one shows its cause chain, whose
// entries select their shape here and their line in the editor. The replay steps through the
// events that tell the story (calls, notes, handler decisions, goroutine switches).
//
// It never costs more than what is on screen: renders are coalesced into one per frame (and a
// live run asks for at most a few a second), lanes outside the scrolled window are not drawn,
// and shapes narrower than two pixels merge into one (src/trace/view.ts keeps every lane in time
// order, so each visible range is a binary search away).
//
// Two axes: "steps" gives every distinct instant the same width, so the microseconds of setup
// and the 300 ms of waiting in virtual time are both readable; "time" is linear.
import { TraceView, describe, fmtTick, fmtTime, lowerBound, niceStep, roundBelow, type GoSpan, type NoteArrow, type SysSpan } from '../src/trace/view.ts';
import type { TraceEvent } from '../src/api/machine.ts';

const SVG = 'http://www.w3.org/2000/svg';
const LABEL_W = 78;
const LANE_H = 36;
const G_LANE_H = 16;
const AXIS_H = 20;
const HOST_LANE = -1;
/** Shapes narrower than this (px) merge with their neighbours. */
const MERGE_PX = 2;
/** Goroutine colours cycle through this many (style.css .p0 ... .p5). */
const G_COLOURS = 6;

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent?.append(e);
  return e;
}

export interface TimelineUI {
  root: HTMLElement; // the scrolling frame
  details: HTMLElement; // hover/focus text
  chain: HTMLElement; // cause chain panel
  legend: HTMLElement;
  axis: HTMLSelectElement;
  goroutines: HTMLInputElement; // expand goroutine lanes
  zoomIn: HTMLButtonElement;
  zoomOut: HTMLButtonElement;
  fit: HTMLButtonElement;
  replay: HTMLInputElement; // the replay slider, over the story's steps
  back: HTMLButtonElement;
  play: HTMLButtonElement;
  forward: HTMLButtonElement;
  replayText: HTMLElement;
}

interface Lane {
  key: number;
  label: string;
  y: number;
  h: number;
  kind: 'host' | 'proc' | 'g';
}

export class Timeline {
  private view: TraceView | null = null;
  private v0 = 0; // the visible range in axis units
  private v1 = 1;
  private drag: { x: number; v0: number; v1: number; moved: boolean } | null = null;
  /** Index into view.steps of the replay's step, or null when the replay is off. */
  private step: number | null = null;
  private playing: ReturnType<typeof setInterval> | null = null;
  private selected = 0;
  private frame = 0;
  private axisSvg: SVGSVGElement;
  private body: HTMLDivElement;
  private live = false;
  /** Labels of the shapes drawn, by event id (hover and focus text). */
  private labels = new Map<number, string>();
  /** Called when an event is selected (chain entry, shape, replay step): the editor shows its line. */
  onSelect: ((e: TraceEvent | null, index: number) => void) | null = null;

  constructor(private readonly ui: TimelineUI) {
    this.axisSvg = el('svg', { class: 'tl tl-axis-svg', height: AXIS_H, 'aria-hidden': 'true' });
    this.body = document.createElement('div');
    this.body.className = 'tl-lanes';
    ui.root.replaceChildren(this.axisSvg, this.body);
    ui.axis.addEventListener('change', () => this.fit());
    ui.goroutines.addEventListener('change', () => this.request());
    ui.zoomIn.addEventListener('click', () => this.zoom(0.5));
    ui.zoomOut.addEventListener('click', () => this.zoom(2));
    ui.fit.addEventListener('click', () => this.fit());
    ui.root.addEventListener('wheel', (ev) => {
      if (!this.view) return;
      // Vertical wheel over the lanes zooms (Ctrl or not); Shift+wheel or a horizontal swipe pans.
      ev.preventDefault();
      if (ev.shiftKey || Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
        const d = ev.shiftKey ? ev.deltaY : ev.deltaX;
        this.pan((d / this.plotWidth()) * (this.v1 - this.v0));
      } else {
        this.zoom(ev.deltaY > 0 ? 1.25 : 0.8, this.unitAtClientX(ev.clientX));
      }
    }, { passive: false });
    ui.root.addEventListener('scroll', () => this.request());
    ui.root.addEventListener('pointerdown', (ev) => {
      if (!this.view || ev.button !== 0) return;
      this.drag = { x: ev.clientX, v0: this.v0, v1: this.v1, moved: false };
    });
    ui.root.addEventListener('pointermove', (ev) => {
      const d = this.drag;
      if (!d) return;
      if (!d.moved && Math.abs(ev.clientX - d.x) < 4) return;
      if (!d.moved) ui.root.setPointerCapture(ev.pointerId);
      d.moved = true;
      const du = ((ev.clientX - d.x) / this.plotWidth()) * (d.v1 - d.v0);
      this.v0 = d.v0 - du;
      this.v1 = d.v1 - du;
      this.request();
    });
    const endDrag = () => setTimeout(() => (this.drag = null), 0);
    ui.root.addEventListener('pointerup', endDrag);
    ui.root.addEventListener('pointercancel', endDrag);
    // One set of listeners for every shape (they are redrawn often): hover, focus, click, Enter.
    const shapeOf = (t: EventTarget | null) => (t instanceof Element ? t.closest<SVGElement>('[data-id]') : null);
    const describeShape = (s: SVGElement | null) => {
      const id = Number(s?.dataset.id ?? 0);
      const e = this.view?.ix.byId.get(id);
      if (e) ui.details.textContent = `${this.labels.get(id) ?? ''} · ${describe(e)}`;
    };
    ui.root.addEventListener('pointerover', (ev) => describeShape(shapeOf(ev.target)));
    ui.root.addEventListener('focusin', (ev) => describeShape(shapeOf(ev.target)));
    ui.root.addEventListener('click', (ev) => {
      if (this.drag?.moved) return;
      const s = shapeOf(ev.target);
      if (s) this.explain(Number(s.dataset.id));
    });
    ui.root.addEventListener('keydown', (ev) => {
      if (!this.view) return;
      const s = shapeOf(ev.target);
      if (s && (ev.key === 'Enter' || ev.key === ' ')) {
        ev.preventDefault();
        this.explain(Number(s.dataset.id));
        return;
      }
      const span = this.v1 - this.v0;
      const keys: Record<string, () => void> = {
        '+': () => this.zoom(0.5),
        '=': () => this.zoom(0.5),
        '-': () => this.zoom(2),
        '0': () => this.fit(),
        ArrowLeft: () => this.pan(-span / 5),
        ArrowRight: () => this.pan(span / 5),
      };
      const f = keys[ev.key];
      if (f) {
        ev.preventDefault();
        f();
      }
    });
    ui.replay.addEventListener('input', () => this.setStep(Number(ui.replay.value)));
    ui.back.addEventListener('click', () => this.stepBy(-1));
    ui.forward.addEventListener('click', () => this.stepBy(1));
    ui.play.addEventListener('click', () => (this.playing ? this.pause() : this.play()));
    new ResizeObserver(() => this.request()).observe(ui.root);
    this.legend([]);
    this.replayControls();
  }

  // ---- data -----------------------------------------------------------------------------

  /** Start a live picture of a run that is starting. */
  begin(): void {
    this.clear();
    this.view = new TraceView();
    this.live = true;
    this.fitRange();
  }

  /** Events of the live run arrived: they are drawn with the next render the caller asks for. */
  add(events: readonly TraceEvent[]): void {
    if (!this.view) this.begin();
    this.view!.add(events);
  }

  /** Redraw the live picture now (the page calls it a few times a second), following the end. */
  refresh(): void {
    if (!this.view) return;
    const end = this.unitsEnd();
    if (this.v1 < end || this.v1 > end * 1.3) this.fitRange();
    this.replayControls();
    this.request();
  }

  /** The run is over: draw all of it. `events` replaces what was added live. */
  show(events: readonly TraceEvent[]): TraceView {
    this.pause();
    if (!this.view || this.view.events.length !== events.length) this.view = new TraceView(events);
    this.live = false;
    this.step = null;
    this.selected = 0;
    this.ui.root.scrollTop = 0;
    this.fitRange();
    this.replayControls();
    this.legend(this.view.lanes().map((p) => p.pid));
    this.renderNow();
    return this.view;
  }

  get model(): TraceView | null {
    return this.view;
  }

  clear(): void {
    this.pause();
    this.view = null;
    this.step = null;
    this.selected = 0;
    this.live = false;
    this.body.replaceChildren();
    this.axisSvg.replaceChildren();
    const hint = document.createElement('p');
    hint.textContent = 'After a run, the first interrupted call is selected here with its cause chain. Click any red bar or note arrow for its own.';
    this.ui.chain.replaceChildren(hint);
    this.ui.details.textContent = '';
    this.ui.replayText.textContent = '';
    this.replayControls();
  }

  // ---- axis -----------------------------------------------------------------------------

  private steps(): boolean {
    return this.ui.axis.value !== 'time';
  }

  // The steps axis: instant i sits at stepAt[i]; a gap between instants is one unit plus a
  // little for its length (log scale, capped), so a long wait still looks longer than a step.
  private stepAt: number[] = [];
  private stepReorders = -1;
  private stepView: TraceView | null = null;

  private syncSteps(): void {
    const v = this.view!;
    const ts = v.times;
    // Built for this view's times as they are: start over for another view or after an insert.
    if (this.stepView !== v || this.stepReorders !== v.reorders || this.stepAt.length > ts.length) {
      this.stepAt = [];
      this.stepView = v;
      this.stepReorders = v.reorders;
    }
    const at = this.stepAt;
    for (let i = at.length; i < ts.length; i++) {
      at.push(i === 0 ? 0 : at[i - 1] + 1 + Math.min(4, Math.log10(1 + (ts[i] - ts[i - 1]) / 1000)));
    }
  }

  /** Axis units of time t: linear ns, or the position among distinct instants. */
  private unit(t: number): number {
    if (!this.steps()) return t;
    const ts = this.view!.times;
    const at = this.stepAt;
    const n = ts.length;
    if (n === 0 || t <= ts[0]) return 0;
    if (t >= ts[n - 1]) return at[n - 1];
    const hi = lowerBound(n, (k) => ts[k] > t);
    const lo = hi - 1;
    return at[lo] + ((t - ts[lo]) / (ts[hi] - ts[lo])) * (at[hi] - at[lo]);
  }

  private timeAtUnit(u: number): number {
    if (!this.steps()) return u;
    const ts = this.view!.times;
    const at = this.stepAt;
    const n = at.length;
    if (n === 0 || u <= 0) return ts[0] ?? 0;
    if (u >= at[n - 1]) return ts[n - 1];
    const hi = lowerBound(n, (k) => at[k] > u);
    const lo = hi - 1;
    return ts[lo] + ((u - at[lo]) / (at[hi] - at[lo])) * (ts[hi] - ts[lo]);
  }

  private unitsEnd(): number {
    const v = this.view!;
    this.syncSteps();
    return this.steps() ? Math.max(1, this.stepAt.at(-1) ?? 1) : Math.max(1, v.end);
  }

  private fitRange(): void {
    const end = this.unitsEnd();
    this.v0 = -end * 0.01;
    this.v1 = end * 1.02;
  }

  fit(): void {
    if (!this.view) return;
    this.stepAt = [];
    this.fitRange();
    this.request();
  }

  private plotWidth(): number {
    return Math.max(60, this.ui.root.clientWidth - LABEL_W - 8);
  }

  private x(t: number): number {
    return LABEL_W + ((this.unit(t) - this.v0) / (this.v1 - this.v0)) * this.plotWidth();
  }

  private timeAtX(x: number): number {
    return this.timeAtUnit(this.v0 + ((x - LABEL_W) / this.plotWidth()) * (this.v1 - this.v0));
  }

  private unitAtClientX(cx: number): number {
    const r = this.ui.root.getBoundingClientRect();
    return this.v0 + ((cx - r.left - LABEL_W) / this.plotWidth()) * (this.v1 - this.v0);
  }

  private zoom(f: number, at = (this.v0 + this.v1) / 2): void {
    if (!this.view) return;
    const span = Math.max(1e-3, (this.v1 - this.v0) * f);
    const k = (at - this.v0) / (this.v1 - this.v0);
    this.v0 = at - k * span;
    this.v1 = this.v0 + span;
    this.request();
  }

  private pan(du: number): void {
    this.v0 += du;
    this.v1 += du;
    this.request();
  }

  /** Bring time t into view (centred) if it is outside. */
  private reveal(t: number): void {
    const u = this.unit(t);
    const span = this.v1 - this.v0;
    if (u < this.v0 + span * 0.03 || u > this.v1 - span * 0.03) {
      this.v0 = u - span / 2;
      this.v1 = u + span / 2;
    }
  }

  // ---- replay ---------------------------------------------------------------------------

  private replayControls(): void {
    const n = this.view?.steps.length ?? 0;
    const r = this.ui.replay;
    r.max = String(n);
    r.value = String(this.step ?? n);
    const off = this.live || n === 0;
    for (const b of [r, this.ui.back, this.ui.play, this.ui.forward]) b.disabled = off;
    this.ui.play.textContent = this.playing ? 'Pause' : 'Play';
    this.ui.play.setAttribute('aria-pressed', String(!!this.playing));
  }

  /** Replay to step i of the story (its length: the replay is off, the whole run shows). */
  setStep(i: number): void {
    const v = this.view;
    if (!v) return;
    this.step = i >= v.steps.length || i < 0 ? null : i;
    this.ui.replay.value = String(this.step ?? v.steps.length);
    if (this.step === null) {
      this.ui.replayText.textContent = '';
      this.onSelect?.(null, -1);
    } else {
      const index = v.steps[this.step];
      const e = v.events[index];
      this.ui.replayText.textContent = `step ${this.step + 1} of ${v.steps.length}: ${describe(e)}`;
      this.reveal(e.t);
      this.onSelect?.(e, index);
    }
    this.request();
  }

  private stepBy(d: number): void {
    const v = this.view;
    if (!v) return;
    const n = v.steps.length;
    const cur = this.step ?? (d > 0 ? -1 : n);
    this.setStep(Math.max(0, Math.min(n, cur + d)));
  }

  play(): void {
    const v = this.view;
    if (!v || this.live || v.steps.length === 0) return;
    if (this.step === null) this.setStep(0);
    this.playing = setInterval(() => {
      if (this.step === null || this.step >= v.steps.length - 1) {
        this.pause();
        return;
      }
      this.stepBy(1);
    }, 450);
    this.replayControls();
  }

  pause(): void {
    if (this.playing) clearInterval(this.playing);
    this.playing = null;
    this.replayControls();
  }

  // ---- selection ------------------------------------------------------------------------

  /** Select event id: its shape is ringed, the editor shows its line, the picture scrolls to it. */
  select(id: number): void {
    const v = this.view;
    const e = v?.ix.byId.get(id);
    if (!v || !e) return;
    this.selected = id;
    this.reveal(e.t);
    for (const li of this.ui.chain.querySelectorAll<HTMLElement>('li[data-id]')) {
      li.classList.toggle('sel', Number(li.dataset.id) === id);
      li.setAttribute('aria-current', String(Number(li.dataset.id) === id));
    }
    this.onSelect?.(e, v.indexOf(id));
    this.renderNow();
  }

  /** The cause chain of event id, and what it led to, in the chain panel; id is selected. */
  explain(id: number): void {
    const v = this.view;
    if (!v || !id) return;
    const chain = v.causeChain(id);
    const after = v.consequences(id);
    const panel = this.ui.chain;
    panel.replaceChildren();
    const entry = (e: TraceEvent) => {
      const li = document.createElement('li');
      li.dataset.id = String(e.id ?? 0);
      li.tabIndex = 0;
      li.textContent = describe(e);
      li.addEventListener('click', () => this.select(e.id ?? 0));
      li.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          this.select(e.id ?? 0);
        }
      });
      return li;
    };
    const h = document.createElement('h4');
    h.textContent = 'Cause chain';
    const hint = document.createElement('small');
    hint.textContent = ' (click a step: its shape and line light up)';
    h.append(hint);
    const ol = document.createElement('ol');
    for (const e of chain) {
      const li = entry(e);
      if (e.id === id) li.classList.add('this');
      ol.append(li);
    }
    panel.append(h, ol);
    if (after.length > 0) {
      const h2 = document.createElement('h4');
      h2.textContent = 'What it led to';
      const ul = document.createElement('ul');
      for (const e of after.slice(0, 12)) ul.append(entry(e));
      panel.append(h2, ul);
    }
    this.select(id);
  }

  // ---- drawing --------------------------------------------------------------------------

  /** Ask for a render: at most one per frame, however often it is asked. */
  request(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  /** Render at once (a finished run is drawn before anyone looks), dropping a pending frame. */
  renderNow(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.render();
  }

  private lanes(): { lanes: Lane[]; height: number } {
    const v = this.view!;
    const lanes: Lane[] = [];
    let y = 0;
    if (v.notes.some((n) => n.from === 'host')) {
      lanes.push({ key: HOST_LANE, label: 'you / host', y, h: LANE_H, kind: 'host' });
      y += LANE_H;
    }
    for (const p of v.lanes()) {
      lanes.push({ key: p.pid, label: `pid ${p.pid}`, y, h: LANE_H, kind: 'proc' });
      y += LANE_H;
    }
    if (this.ui.goroutines.checked) {
      for (const g of v.goroutines()) {
        lanes.push({ key: g, label: `g${g}`, y, h: G_LANE_H, kind: 'g' });
        y += G_LANE_H;
      }
    }
    return { lanes, height: y + 4 };
  }

  /**
   * Visit the spans of a time-ordered, non-overlapping list that are in view: each one wide
   * enough on its own, and runs of narrow ones merged into one (first, last, count).
   */
  private visit<T extends { t0: number; t1: number }>(list: readonly T[], one: (s: T) => void, many: (a: T, b: T, n: number) => void): void {
    const tA = this.timeAtX(LABEL_W - 10);
    const tB = this.timeAtX(LABEL_W + this.plotWidth() + 10);
    const n = list.length;
    let i = lowerBound(n, (k) => list[k].t1 >= tA);
    while (i < n && list[i].t0 <= tB) {
      const s = list[i];
      const x0 = this.x(s.t0);
      if (this.x(s.t1) - x0 >= MERGE_PX) {
        one(s);
        i++;
        continue;
      }
      const tEnd = this.timeAtX(x0 + MERGE_PX);
      let j = lowerBound(n - i, (k) => list[i + k].t0 > tEnd) + i;
      if (j <= i) j = i + 1;
      if (j === i + 1) one(s);
      else many(s, list[j - 1], j - i);
      i = j;
    }
  }

  render(): void {
    const v = this.view;
    if (!v) return;
    this.syncSteps();
    const root = this.ui.root;
    const width = root.clientWidth || 800;
    const pw = this.plotWidth();
    const { lanes, height } = this.lanes();
    // The frame is as tall as its lanes, up to its CSS max-height (then it scrolls). A scroll
    // position left from a taller picture is clamped now, not a frame later.
    root.style.height = `${height + AXIS_H + 4}px`;
    const scrollTop = Math.min(root.scrollTop, Math.max(0, height + AXIS_H + 4 - root.clientHeight));
    // Only the lanes in the scrolled window (and a lane either side) are drawn.
    const top = scrollTop - LANE_H;
    const bottom = scrollTop + root.clientHeight + LANE_H;
    const shown = lanes.filter((l) => l.y + l.h >= top && l.y <= bottom);
    const procY = new Map<number, Lane>();
    for (const l of lanes) if (l.kind !== 'g') procY.set(l.key, l);
    const visible = new Set(shown.map((l) => `${l.kind === 'g' ? 'g' : 'p'}${l.key}`));
    const seen = (l: Lane | undefined) => !!l && visible.has(`p${l.key}`);
    this.labels.clear();

    // The axis: its own strip that stays on top while the lanes scroll.
    this.drawAxis(width, pw);

    const svg = el('svg', { width, height, class: 'tl', role: 'group', 'aria-label': this.summary() });
    const defs = el('defs', {}, svg);
    const marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
    el('path', { d: 'M0,0 L10,5 L0,10 z', class: 'tl-arrowhead' }, marker);
    const clip = el('clipPath', { id: 'plot' }, defs);
    el('rect', { x: LABEL_W, y: 0, width: pw + 4, height }, clip);

    const now = this.step !== null ? v.events[v.steps[this.step]] : null;
    for (const l of shown) {
      const i = lanes.indexOf(l);
      const cls = `tl-lane ${i % 2 ? 'odd' : 'even'} ${l.kind}${now && l.kind !== 'g' && l.key === now.pid ? ' now' : ''}`;
      el('rect', { x: 0, y: l.y, width, height: l.h, class: cls }, svg);
    }
    const plot = el('g', { 'clip-path': 'url(#plot)' }, svg);
    // Grid lines at the ticks.
    for (const x of this.tickXs) el('line', { x1: x, x2: x, y1: 0, y2: height, class: 'tl-grid' }, plot);
    // Where the virtual clock jumped (every proc was waiting): dashed lines, one per pixel at most.
    {
      const cs = v.clocks;
      let i = lowerBound(cs.length, (k) => cs[k] >= this.timeAtX(LABEL_W));
      while (i < cs.length) {
        const x = this.x(cs[i]);
        if (x > LABEL_W + pw) break;
        el('line', { x1: x, x2: x, y1: 0, y2: height, class: 'tl-clockjump' }, plot);
        const tNext = this.timeAtX(x + 3);
        i = Math.max(i + 1, lowerBound(cs.length, (k) => cs[k] > tNext));
      }
    }

    const open = this.live ? v.openSpans() : { sys: [] as SysSpan[], gos: [] as GoSpan[] };
    const end = v.end;
    for (const p of v.lanes()) {
      const l = procY.get(p.pid);
      if (!seen(l)) continue;
      const yy = l!.y + 22;
      el('line', { x1: Math.max(LABEL_W, this.x(p.t0)), x2: Math.min(LABEL_W + pw, this.x(Math.min(p.t1, end))), y1: yy, y2: yy, class: 'tl-life' }, plot);
      // Calls that slept: bars; idle parking faint, interrupted ones red (drawn on top, never merged away).
      const bar = (s: SysSpan) => {
        const x0 = Math.max(LABEL_W - 2, this.x(s.t0));
        const x1 = Math.min(LABEL_W + pw + 2, this.x(s.t1));
        const w = Math.max(3, x1 - x0);
        const cls = s.interrupted ? 'tl-sys interrupted' : s.idle ? 'tl-sys idle' : 'tl-sys';
        const ev = s.interrupted ? v.ix.byId.get(s.interrupted)! : s.enter;
        const label = `${s.sys} ${s.interrupted ? 'interrupted' : s.idle ? '(idle M parked)' : 'slept'}, ${fmtTime(s.t0)} → ${fmtTime(s.t1)}${s.interrupted ? ': its cause chain is beside' : ''}`;
        this.shape(plot, el('rect', { x: x0, y: yy - 8, width: w, height: 16, rx: 2, class: cls }), ev, label);
        const name = s.sys;
        if (w > name.length * 6.5 + 6 && !s.idle) {
          const t = el('text', { x: x0 + 3, y: yy + 4, class: 'tl-bartext' }, plot);
          t.textContent = name;
        }
      };
      const dense = (a: SysSpan, b: SysSpan, n: number) => {
        const x0 = this.x(a.t0);
        const w = Math.max(2, this.x(b.t1) - x0);
        const r = el('rect', { x: x0, y: yy - 8, width: w, height: 16, class: 'tl-sys dense' }, plot);
        r.append(this.title(`${n} calls, ${fmtTime(a.t0)} → ${fmtTime(b.t1)}: zoom in to see each`));
      };
      this.visit(p.sys, bar, dense);
      for (const s of open.sys) if (s.pid === p.pid) bar(s);
      for (const s of p.sys) if (s.interrupted && this.x(s.t1) >= LABEL_W && this.x(s.t0) <= LABEL_W + pw && this.x(s.t1) - this.x(s.t0) < MERGE_PX) bar(s);
      if (p.exitEvent) {
        const x = this.x(p.t1);
        this.shape(plot, el('path', { d: `M${x - 5},${yy - 5} L${x + 5},${yy + 5} M${x + 5},${yy - 5} L${x - 5},${yy + 5}`, class: 'tl-exit' }), p.exitEvent, `pid ${p.pid} exits "${p.exit}"`);
      }
      // Markers: timers and deadlines (merged when they crowd one pixel).
      // (A deadline due after the run ended never came: it is not drawn.)
      const mk = p.markers.filter((m) => m.t <= end).map((m) => ({ ...m, t0: m.t, t1: m.t }));
      this.visit(mk, (m) => {
        const x = this.x(m.t);
        let s: SVGElement;
        switch (m.kind) {
          case 'timer.set': s = el('path', { d: `M${x},${yy - 16} l4,4 l-4,4 l-4,-4 z`, class: 'tl-timer' }); break;
          case 'timer.fire': s = el('path', { d: `M${x},${yy - 16} l4,4 l-4,4 l-4,-4 z`, class: 'tl-timer fired' }); break;
          case 'timer.stop': s = el('path', { d: `M${x},${yy - 16} l4,4 l-4,4 l-4,-4 z`, class: 'tl-timer stopped' }); break;
          case 'deadline': s = el('path', { d: `M${x},${yy + 13} v-12 h7 l-2,3 l2,3 h-7`, class: 'tl-deadline' }); break;
          case 'deadline.due': s = el('line', { x1: x, x2: x, y1: yy - 13, y2: yy + 13, class: 'tl-due' }); break;
          default: s = el('circle', { cx: x, cy: yy + 11, r: 3.5, class: `tl-mark ${m.kind.replace('.', '-')}` });
        }
        this.shape(plot, s, m.event, m.label);
      }, (a, b, n) => {
        const x0 = this.x(a.t);
        el('rect', { x: x0 - 2, y: yy - 16, width: Math.max(4, this.x(b.t) - x0 + 4), height: 6, class: 'tl-marks-dense' }, plot).append(this.title(`${n} timer and deadline events: zoom in to see each`));
      });
    }

    // Goroutine lanes: running (solid, coloured by the proc it ran on) and in a syscall (dashed).
    if (this.ui.goroutines.checked) {
      for (const l of shown) {
        if (l.kind !== 'g') continue;
        const list = v.gos.get(l.key) ?? [];
        const one = (g: GoSpan) => {
          const x0 = this.x(g.t0);
          const w = Math.max(2, this.x(g.t1) - x0);
          el('rect', { x: x0, y: l.y + 3, width: w, height: G_LANE_H - 6, class: `tl-g ${g.insys ? 'insys' : 'run'} p${g.pid % G_COLOURS}` }, plot).append(this.title(`g${g.goid} ${g.insys ? 'in a syscall' : 'running'} on pid ${g.pid}, ${fmtTime(g.t0)} → ${fmtTime(g.t1)}`));
        };
        this.visit(list, one, (a, b, n) => {
          const x0 = this.x(a.t0);
          el('rect', { x: x0, y: l.y + 3, width: Math.max(2, this.x(b.t1) - x0), height: G_LANE_H - 6, class: `tl-g run p${a.pid % G_COLOURS} dense` }, plot).append(this.title(`g${a.goid}: ${n} stretches, ${fmtTime(a.t0)} → ${fmtTime(b.t1)}`));
        });
        for (const g of open.gos) if (g.goid === l.key) one(g);
      }
    }

    // Notes: arrows from poster to target; the label (note → decision) on the target's lane.
    const labelEnd = new Map<number, number>();
    const notes = v.notes.map((n) => n); // posted in time order
    const arrow = (n: NoteArrow, count = 1) => {
      const from = procY.get(n.from === 'host' ? HOST_LANE : n.from);
      const to = procY.get(n.to);
      if (!from || !to || (!seen(from) && !seen(to))) return;
      const y0 = from.y + 22;
      const y1 = to.y + 22;
      const x0 = this.x(n.t0);
      const x1 = Math.max(this.x(n.t1), x0 + 6);
      const path = from === to
        ? `M${x0},${y0 - 9} C${x0 + 12},${y0 - 20} ${x1 + 12},${y1 - 20} ${x1},${y1 - 9}`
        : `M${x0},${y0 + (y1 > y0 ? 6 : -6)} L${x1},${y1 + (y1 > y0 ? -9 : 9)}`;
      const g = el('g', { class: `tl-note ${n.decision.replace(/[^a-z]+/gi, '-')}` });
      el('path', { d: path, class: 'tl-note-line', 'marker-end': 'url(#arrow)' }, g);
      // Short when it would not fit: the decision without its reason.
      let text = count > 1 ? `${count} notes` : `${n.text} → ${n.decision}`;
      if (text.length * 7 > pw / 2) text = text.replace(/ \(.*\)$/, '');
      const w = text.length * 7;
      // Inside the frame: right-aligned at the right edge, and never over the previous label.
      let lx = Math.min(x1 + 4, LABEL_W + pw - w - 2);
      lx = Math.max(lx, LABEL_W + 2);
      const ly = to.y + 10;
      if (lx >= (labelEnd.get(to.key) ?? -Infinity)) {
        const t = el('text', { x: lx, y: ly, class: 'tl-note-text' }, g);
        t.textContent = text;
        labelEnd.set(to.key, lx + w + 6);
      }
      const what = n.post.kind === 'interrupt' ? 'ctl interrupt (no note)' : `note "${n.text}"`;
      this.shape(plot, g, n.post, count > 1 ? `${count} notes from here: zoom in to see each` : `${what} from ${n.from === 'host' ? 'outside the program' : `pid ${n.from}`} to pid ${n.to}: ${n.decision}`);
    };
    {
      const tA = this.timeAtX(LABEL_W - 10);
      const tB = this.timeAtX(LABEL_W + pw + 10);
      let i = lowerBound(notes.length, (k) => notes[k].t0 >= tA);
      // A note posted before the view that lands in it still shows.
      for (let k = Math.max(0, i - 50); k < i; k++) if (notes[k].t1 >= tA) arrow(notes[k]);
      while (i < notes.length && notes[i].t0 <= tB) {
        const x = this.x(notes[i].t0);
        const tNext = this.timeAtX(x + MERGE_PX);
        const j = Math.max(i + 1, lowerBound(notes.length, (k) => notes[k].t0 > tNext));
        arrow(notes[i], j - i);
        i = j;
      }
    }

    // The selection: a ring where the selected event happened, on its lane.
    const ring = (e: TraceEvent, cls: string) => {
      const l = procY.get((e.kind === 'note.post' || e.kind === 'interrupt') && e.from === 'host' ? HOST_LANE : e.pid) ?? procY.get(e.to ?? 0);
      const x = this.x(e.t);
      if (l) el('circle', { cx: x, cy: l.y + 22, r: 9, class: cls }, plot);
      el('line', { x1: x, x2: x, y1: 0, y2: height, class: `${cls}-line` }, plot);
    };
    if (this.selected) {
      const e = v.ix.byId.get(this.selected);
      if (e) ring(e, 'tl-sel');
      for (const s of svg.querySelectorAll(`[data-id="${this.selected}"]`)) s.classList.add('sel');
    }
    // Replay: dim what has not happened yet; the cursor on the step's lane.
    if (now) {
      const x = this.x(now.t);
      el('rect', { x: x + 1, y: 0, width: Math.max(0, width - x), height, class: 'tl-future' }, plot);
      ring(now, 'tl-cursor');
    }
    // Lane labels last: over everything, inside the frame's left margin.
    for (const l of shown) {
      el('rect', { x: 0, y: l.y, width: LABEL_W - 2, height: l.h, class: `tl-lane-head ${l.kind}` }, svg);
      const t = el('text', { x: 6, y: l.y + l.h / 2 + 4, class: `tl-label ${l.kind}` }, svg);
      t.textContent = l.label;
      if (l.kind === 'g') {
        // The colour of the proc it ran on last, as a key.
        const last = v.gos.get(l.key)?.at(-1);
        if (last) el('rect', { x: LABEL_W - 12, y: l.y + 4, width: 8, height: G_LANE_H - 8, class: `tl-g run p${last.pid % G_COLOURS}` }, svg);
      }
    }
    this.body.replaceChildren(svg);
  }

  private tickXs: number[] = [];

  /** Round ticks that never repeat: on the time axis every `step`; on the steps axis the round times nearest even spacing. */
  private drawAxis(width: number, pw: number): void {
    const a = this.axisSvg;
    a.setAttribute('width', String(width));
    a.replaceChildren();
    const xs: number[] = [];
    const spacing = Math.max(70, Math.min(130, pw / 6));
    let lastLabel = '';
    let lastX = -Infinity;
    const put = (t: number, step: number) => {
      const x = this.x(t);
      if (x < LABEL_W || x > LABEL_W + pw || x - lastX < 60) return;
      const label = fmtTick(t, step);
      if (label === lastLabel) return;
      lastLabel = label;
      lastX = x;
      xs.push(x);
      el('line', { x1: x, x2: x, y1: AXIS_H - 5, y2: AXIS_H, class: 'tl-tickmark' }, a);
      const text = el('text', { x: x + 2, y: 12, class: 'tl-tick' }, a);
      text.textContent = label;
    };
    const tA = this.timeAtX(LABEL_W);
    const tB = this.timeAtX(LABEL_W + pw);
    if (!this.steps()) {
      const step = niceStep(((tB - tA) / pw) * spacing);
      for (let t = Math.ceil(Math.max(0, tA) / step) * step, k = 0; t <= tB && k < 100; t += step, k++) put(t, step);
    } else {
      // Each slot of `spacing` px: the roundest time inside it.
      for (let x = LABEL_W; x <= LABEL_W + pw; x += spacing) {
        const lo = Math.max(0, this.timeAtX(x));
        const hi = this.timeAtX(Math.min(LABEL_W + pw, x + spacing * 0.8));
        if (hi <= lo && x > LABEL_W) continue;
        let step = niceStep(Math.max(1, hi - lo));
        let t = Math.ceil(lo / step) * step;
        // The roundest time in [lo, hi]: smaller round steps (5, 2, 1, 0.5, ...) until one fits.
        while (t > hi && step > 1) {
          step = roundBelow(step);
          t = Math.ceil(lo / step) * step;
        }
        put(t, step);
      }
    }
    el('text', { x: 4, y: 12, class: 'tl-tick unit' }, a).textContent = this.steps() ? 'steps axis' : 'time';
    this.tickXs = xs;
  }

  private summary(): string {
    const v = this.view!;
    return `Timeline: ${v.procs.size} procs, ${v.gos.size} goroutines, ${v.interrupted.length} interrupted calls, ${v.notes.length} notes, run ends at ${fmtTime(v.end)}. Wheel or + and - zoom, drag or arrow keys pan, 0 fits; Tab reaches each shape, Enter shows its cause chain.`;
  }

  private title(text: string): SVGTitleElement {
    const t = document.createElementNS(SVG, 'title');
    t.textContent = text;
    return t;
  }

  /** A focusable shape standing for event e (the frame's listeners make it hover- and clickable). */
  private shape(parent: Element, s: SVGElement, e: TraceEvent, label: string): void {
    const id = e.id ?? 0;
    s.setAttribute('data-id', String(id));
    s.setAttribute('data-kind', e.kind);
    s.setAttribute('tabindex', '0');
    s.setAttribute('role', 'button');
    s.setAttribute('aria-label', label);
    s.append(this.title(label));
    this.labels.set(id, label);
    parent.append(s);
  }

  // ---- legend ---------------------------------------------------------------------------

  /** Every colour the picture uses, drawn with the picture's own classes; goroutines by proc. */
  private legend(pids: number[]): void {
    const items: [string, (g: SVGSVGElement) => void][] = [
      ['call slept', (g) => el('rect', { x: 1, y: 3, width: 18, height: 9, class: 'tl-sys' }, g)],
      ['interrupted', (g) => el('rect', { x: 1, y: 3, width: 18, height: 9, class: 'tl-sys interrupted' }, g)],
      ['idle M', (g) => el('rect', { x: 1, y: 3, width: 18, height: 9, class: 'tl-sys idle' }, g)],
      ['many calls', (g) => el('rect', { x: 1, y: 3, width: 18, height: 9, class: 'tl-sys dense' }, g)],
      ['note', (g) => el('line', { x1: 1, x2: 19, y1: 8, y2: 8, class: 'tl-note-line' }, g)],
      ['note that kills', (g) => el('line', { x1: 1, x2: 19, y1: 8, y2: 8, class: 'tl-note-line kill' }, g)],
      ['timer set / fired', (g) => {
        el('path', { d: 'M5,3 l4,4 l-4,4 l-4,-4 z', class: 'tl-timer' }, g);
        el('path', { d: 'M15,3 l4,4 l-4,4 l-4,-4 z', class: 'tl-timer fired' }, g);
      }],
      ['deadline set / due', (g) => {
        el('path', { d: 'M2,14 v-12 h7 l-2,3 l2,3 h-7', class: 'tl-deadline' }, g);
        el('line', { x1: 15, x2: 15, y1: 1, y2: 15, class: 'tl-due' }, g);
      }],
      ['Cancel / i/o timeout', (g) => {
        el('circle', { cx: 5, cy: 8, r: 3.5, class: 'tl-mark io-cancel' }, g);
        el('circle', { cx: 15, cy: 8, r: 3.5, class: 'tl-mark io-timeout' }, g);
      }],
      ['clock jump', (g) => el('line', { x1: 10, x2: 10, y1: 0, y2: 16, class: 'tl-clockjump' }, g)],
      ['selected', (g) => el('circle', { cx: 10, cy: 8, r: 6, class: 'tl-sel' }, g)],
      ['replay step', (g) => el('circle', { cx: 10, cy: 8, r: 6, class: 'tl-cursor' }, g)],
    ];
    // Goroutine lanes take the colour of the proc each stretch ran on.
    for (const pid of pids.slice(0, G_COLOURS)) {
      items.push([`goroutine on pid ${pid}${pids.length > G_COLOURS ? ` (+${G_COLOURS}k)` : ''}`, (g) => el('rect', { x: 1, y: 4, width: 18, height: 8, class: `tl-g run p${pid % G_COLOURS}` }, g)]);
    }
    items.push(['goroutine in a call', (g) => el('rect', { x: 1, y: 4, width: 18, height: 8, class: 'tl-g insys' }, g)]);
    const ul = document.createElement('ul');
    for (const [text, draw] of items) {
      const li = document.createElement('li');
      const s = el('svg', { width: 20, height: 16, class: 'tl', 'aria-hidden': 'true' });
      draw(s);
      li.append(s, text);
      ul.append(li);
    }
    this.ui.legend.replaceChildren(ul);
  }
}
