// The timeline as a picture (SVG): a lane per proc with its sleeping syscalls as bars, goroutine
// lanes that expand, notes as arrows from poster to target labelled with the handler's decision,
// timers and deadlines as markers. Wheel or +/- zoom, drag or arrow keys pan, 0 fits; hovering
// or focusing a shape shows its event; clicking (or Enter on) one shows its cause chain.
//
// Two axes: "steps" gives every distinct instant the same width, so the microseconds of setup
// and the 300 ms of waiting in virtual time are both readable; "time" is linear.
import { build, causeChain, consequences, describe, ms, type Model } from './trace-model.ts';
import type { TraceEvent } from '../src/api/machine.ts';

const SVG = 'http://www.w3.org/2000/svg';
const LABEL_W = 92;
const LANE_H = 30;
const G_LANE_H = 16;
const AXIS_H = 22;
const HOST_LANE = -1;

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent?.append(e);
  return e;
}

export interface TimelineUI {
  root: HTMLElement; // the scrolling frame that holds the SVG
  details: HTMLElement; // hover/focus text
  chain: HTMLElement; // cause chain panel
  axis: HTMLSelectElement;
  goroutines: HTMLInputElement; // expand goroutine lanes
  zoomIn: HTMLButtonElement;
  zoomOut: HTMLButtonElement;
  fit: HTMLButtonElement;
  replay: HTMLInputElement; // the replay slider
  replayText: HTMLElement;
}

export class Timeline {
  private model: Model | null = null;
  private v0 = 0; // the visible range in axis units
  private v1 = 1;
  private svg: SVGSVGElement | null = null;
  private drag: { x: number; v0: number; v1: number } | null = null;
  private replayAt: number | null = null; // index into model.events
  /** Called with the event the replay slider points at (null when replay is off). */
  onReplay: ((e: TraceEvent | null) => void) | null = null;

  constructor(private readonly ui: TimelineUI) {
    ui.axis.addEventListener('change', () => this.fit());
    ui.goroutines.addEventListener('change', () => this.render());
    ui.zoomIn.addEventListener('click', () => this.zoom(0.5));
    ui.zoomOut.addEventListener('click', () => this.zoom(2));
    ui.fit.addEventListener('click', () => this.fit());
    ui.root.addEventListener('wheel', (ev) => {
      if (!this.model) return;
      ev.preventDefault();
      const f = ev.deltaY > 0 ? 1.25 : 0.8;
      this.zoom(f, this.unitAtClientX(ev.clientX));
    }, { passive: false });
    ui.root.addEventListener('pointerdown', (ev) => {
      if (!this.model || (ev.target as Element).closest('[data-id]')) return;
      this.drag = { x: ev.clientX, v0: this.v0, v1: this.v1 };
      ui.root.setPointerCapture(ev.pointerId);
    });
    ui.root.addEventListener('pointermove', (ev) => {
      if (!this.drag) return;
      const du = ((ev.clientX - this.drag.x) / this.plotWidth()) * (this.drag.v1 - this.drag.v0);
      this.v0 = this.drag.v0 - du;
      this.v1 = this.drag.v1 - du;
      this.render();
    });
    ui.root.addEventListener('pointerup', () => (this.drag = null));
    ui.root.addEventListener('keydown', (ev) => {
      if (!this.model) return;
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
      if (f && !(ev.target as Element).closest('[data-id]')) {
        ev.preventDefault();
        f();
      } else if (f && (ev.key === '+' || ev.key === '-' || ev.key === '0')) {
        ev.preventDefault();
        f();
      }
    });
    ui.replay.addEventListener('input', () => this.setReplay(Number(ui.replay.value)));
    new ResizeObserver(() => this.render()).observe(ui.root);
  }

  /** Draw a run's trace (again: call it as live events arrive, too). */
  show(events: readonly TraceEvent[], keepView = false): void {
    const first = !this.model;
    this.model = build(events);
    this.buildSteps();
    this.ui.replay.max = String(Math.max(0, this.model.events.length - 1));
    this.ui.replay.disabled = this.model.events.length === 0;
    if (!keepView || first) {
      this.replayAt = null;
      this.ui.replay.value = this.ui.replay.max;
      this.ui.replayText.textContent = '';
      this.onReplay?.(null);
      this.fitRange();
    } else if (this.v1 < this.unitsEnd()) {
      // Live: keep following the end while the run grows.
      this.fitRange();
    }
    this.render();
  }

  clear(): void {
    this.model = null;
    this.replayAt = null;
    this.ui.root.replaceChildren();
    const hint = document.createElement('p');
    hint.textContent = 'Click an interrupted syscall (red) or a note for its cause chain.';
    this.ui.chain.replaceChildren(hint);
    this.ui.details.textContent = '';
    this.ui.replayText.textContent = '';
    this.ui.replay.disabled = true;
    this.onReplay?.(null);
    this.svg = null;
  }

  // ---- axis -----------------------------------------------------------------------------

  private steps(): boolean {
    return this.ui.axis.value !== 'time';
  }

  // The steps axis: instant i sits at stepAt[i]; a gap between instants is one unit plus a
  // little for its length (log scale, capped), so a long wait still looks longer than a step.
  private stepAt: number[] = [];

  private buildSteps(): void {
    const ts = this.model!.times;
    this.stepAt = new Array(ts.length);
    let u = 0;
    for (let i = 0; i < ts.length; i++) {
      if (i > 0) u += 1 + Math.min(4, Math.log10(1 + (ts[i] - ts[i - 1]) / 1000));
      this.stepAt[i] = u;
    }
  }

  /** Axis units of time t: linear ns, or the position among distinct instants. */
  private unit(t: number): number {
    const m = this.model!;
    if (!this.steps()) return t;
    const ts = m.times;
    const at = this.stepAt;
    let lo = 0;
    let hi = ts.length - 1;
    if (hi < 0 || t <= ts[0]) return 0;
    if (t >= ts[hi]) return at[hi];
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (ts[mid] <= t) lo = mid;
      else hi = mid;
    }
    return at[lo] + ((t - ts[lo]) / (ts[hi] - ts[lo])) * (at[hi] - at[lo]);
  }

  private timeAtUnit(u: number): number {
    const m = this.model!;
    if (!this.steps()) return u;
    const at = this.stepAt;
    let best = 0;
    for (let i = 0; i < at.length; i++) if (Math.abs(at[i] - u) < Math.abs(at[best] - u)) best = i;
    return m.times[best] ?? 0;
  }

  private unitsEnd(): number {
    const m = this.model!;
    return this.steps() ? Math.max(1, this.stepAt.at(-1) ?? 1) : Math.max(1, m.end);
  }

  private fitRange(): void {
    const end = this.unitsEnd();
    // Room on the right for the labels of the last arrows.
    this.v0 = -end * 0.02;
    this.v1 = end * 1.1;
  }

  fit(): void {
    if (!this.model) return;
    this.fitRange();
    this.render();
  }

  private plotWidth(): number {
    return Math.max(100, this.ui.root.clientWidth - LABEL_W - 12);
  }

  private x(t: number): number {
    return LABEL_W + ((this.unit(t) - this.v0) / (this.v1 - this.v0)) * this.plotWidth();
  }

  private unitAtClientX(cx: number): number {
    const r = this.ui.root.getBoundingClientRect();
    return this.v0 + ((cx - r.left - LABEL_W) / this.plotWidth()) * (this.v1 - this.v0);
  }

  private zoom(f: number, at = (this.v0 + this.v1) / 2): void {
    if (!this.model) return;
    const span = Math.max(1e-3, (this.v1 - this.v0) * f);
    const k = (at - this.v0) / (this.v1 - this.v0);
    this.v0 = at - k * span;
    this.v1 = this.v0 + span;
    this.render();
  }

  private pan(du: number): void {
    this.v0 += du;
    this.v1 += du;
    this.render();
  }

  // ---- replay ---------------------------------------------------------------------------

  private setReplay(i: number): void {
    const m = this.model;
    if (!m) return;
    this.replayAt = i >= m.events.length - 1 ? null : i;
    const e = this.replayAt === null ? null : m.events[i];
    this.ui.replayText.textContent = e ? `step ${i + 1} of ${m.events.length}: ${describe(e)}` : '';
    this.onReplay?.(e);
    this.render();
  }

  // ---- drawing --------------------------------------------------------------------------

  render(): void {
    const m = this.model;
    if (!m) return;
    const showG = this.ui.goroutines.checked;
    const hostNotes = m.notes.some((n) => n.from === 'host');
    // Lanes: the host (notes from outside), each proc, then each goroutine when expanded.
    const lanes: { key: number; label: string; y: number; h: number; kind: 'host' | 'proc' | 'g' }[] = [];
    let y = AXIS_H;
    if (hostNotes) {
      lanes.push({ key: HOST_LANE, label: 'you / host', y, h: LANE_H, kind: 'host' });
      y += LANE_H;
    }
    for (const p of m.procs) {
      lanes.push({ key: p.pid, label: `pid ${p.pid}`, y, h: LANE_H, kind: 'proc' });
      y += LANE_H;
    }
    if (showG) {
      for (const g of m.goroutines) {
        lanes.push({ key: g, label: g === 0 ? 'g0' : `g${g}`, y, h: G_LANE_H, kind: 'g' });
        y += G_LANE_H;
      }
    }
    const height = y + 8;
    const width = this.ui.root.clientWidth || 800;
    const procY = new Map<number, number>();
    for (const l of lanes) if (l.kind !== 'g') procY.set(l.key, l.y + l.h / 2);
    const gY = new Map<number, number>();
    for (const l of lanes) if (l.kind === 'g') gY.set(l.key, l.y);

    const svg = el('svg', { width, height, role: 'img', 'aria-labelledby': 'timeline-heading timeline-summary', class: 'tl' });
    const summary = el('desc', { id: 'timeline-summary' }, svg);
    summary.textContent = `${m.procs.length} procs, ${m.goroutines.length} goroutines, ${m.sys.filter((s) => s.interrupted).length} interrupted syscalls, ${m.notes.length} notes, run ends at ${ms(m.end)}.`;
    const defs = el('defs', {}, svg);
    const marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
    el('path', { d: 'M0,0 L10,5 L0,10 z', class: 'tl-arrowhead' }, marker);
    const clip = el('clipPath', { id: 'plot' }, defs);
    el('rect', { x: LABEL_W, y: 0, width: width - LABEL_W, height }, clip);

    // Lane backgrounds and labels.
    for (const [i, l] of lanes.entries()) {
      el('rect', { x: 0, y: l.y, width, height: l.h, class: `tl-lane ${i % 2 ? 'odd' : 'even'} ${l.kind}` }, svg);
      const t = el('text', { x: 6, y: l.y + l.h / 2 + 4, class: `tl-label ${l.kind}` }, svg);
      t.textContent = l.label;
    }
    const plot = el('g', { 'clip-path': 'url(#plot)' }, svg);

    // Axis ticks.
    const ticks = 6;
    for (let i = 0; i <= ticks; i++) {
      const u = this.v0 + ((this.v1 - this.v0) * i) / ticks;
      const x = LABEL_W + (this.plotWidth() * i) / ticks;
      el('line', { x1: x, x2: x, y1: AXIS_H - 4, y2: height, class: 'tl-grid' }, svg);
      const t = el('text', { x: x + 2, y: 12, class: 'tl-tick' }, svg);
      t.textContent = ms(this.timeAtUnit(u));
    }
    // Where the virtual clock jumped: a dashed line (every proc was waiting).
    for (const e of m.events) {
      if (e.kind !== 'clock') continue;
      const x = this.x(e.t);
      el('line', { x1: x, x2: x, y1: AXIS_H, y2: height, class: 'tl-clockjump' }, plot);
    }

    // Proc lifetimes.
    for (const p of m.procs) {
      const yy = procY.get(p.pid)!;
      el('line', { x1: this.x(p.t0), x2: this.x(p.t1), y1: yy, y2: yy, class: 'tl-life' }, plot);
      if (p.exit !== null) {
        const x = this.x(p.t1);
        this.shape(plot, el('path', { d: `M${x - 5},${yy - 5} L${x + 5},${yy + 5} M${x + 5},${yy - 5} L${x - 5},${yy + 5}`, class: 'tl-exit' }), m.events.find((e) => e.kind === 'proc.exit' && e.pid === p.pid)!, `pid ${p.pid} exits "${p.exit}"`);
      }
    }

    const bounded = (x0: number, x1: number) => ({ x: Math.min(x0, x1), w: Math.max(3, Math.abs(x1 - x0)) });

    // Syscalls that slept: bars; idle parking faint, interrupted ones red and clickable.
    for (const s of m.sys) {
      const yy = procY.get(s.pid);
      if (yy === undefined) continue;
      const { x, w } = bounded(this.x(s.t0), this.x(s.t1));
      const cls = s.interrupted ? 'tl-sys interrupted' : s.idle ? 'tl-sys idle' : 'tl-sys';
      const r = el('rect', { x, y: yy - 8, width: w, height: 16, rx: 2, class: cls });
      const ev = s.interrupted ? m.byId.get(s.interrupted)! : s.enter;
      const label = `${s.sys} ${s.interrupted ? 'interrupted' : s.idle ? '(idle M parked)' : 'slept'}, ${ms(s.t0)} → ${ms(s.t1)}${s.interrupted ? ' — click for the cause chain' : ''}`;
      this.shape(plot, r, ev, label);
      if (w > 40 && !s.idle) {
        const t = el('text', { x: x + 3, y: yy + 4, class: 'tl-bartext' }, plot);
        t.textContent = s.sys;
      }
    }

    // Goroutine lanes: running (solid, coloured by the proc it ran on) and in a syscall (hatched).
    if (showG) {
      for (const g of m.gos) {
        const yy = gY.get(g.goid);
        if (yy === undefined) continue;
        const { x, w } = bounded(this.x(g.t0), this.x(g.t1));
        el('rect', { x, y: yy + 3, width: w, height: G_LANE_H - 6, class: `tl-g ${g.insys ? 'insys' : 'run'} p${g.pid % 6}` }, plot).append(this.title(`g${g.goid} ${g.insys ? 'in a syscall' : 'running'} on pid ${g.pid}, ${ms(g.t0)} → ${ms(g.t1)}`));
      }
    }

    // Markers: timers and deadlines.
    for (const mk of m.markers) {
      const yy = procY.get(mk.pid);
      if (yy === undefined) continue;
      const x = this.x(mk.t);
      let shape: SVGElement;
      switch (mk.kind) {
        case 'timer.set':
          shape = el('path', { d: `M${x},${yy - 14} l4,4 l-4,4 l-4,-4 z`, class: 'tl-timer' });
          break;
        case 'timer.fire':
          shape = el('path', { d: `M${x},${yy - 14} l4,4 l-4,4 l-4,-4 z`, class: 'tl-timer fired' });
          break;
        case 'deadline':
          shape = el('path', { d: `M${x},${yy + 13} v-12 h7 l-2,3 l2,3 h-7`, class: 'tl-deadline' });
          break;
        case 'deadline.due':
          shape = el('line', { x1: x, x2: x, y1: yy - 13, y2: yy + 13, class: 'tl-due' });
          break;
        default:
          shape = el('circle', { cx: x, cy: yy + 10, r: 3.5, class: `tl-mark ${mk.kind.replace('.', '-')}` });
      }
      this.shape(plot, shape, mk.event, mk.label);
    }

    // Notes: arrows from poster to target, labelled with the handler's decision.
    for (const n of m.notes) {
      const y0 = procY.get(n.from === 'host' ? HOST_LANE : n.from);
      const y1 = procY.get(n.to);
      if (y0 === undefined || y1 === undefined) continue;
      const x0 = this.x(n.t0);
      const x1 = Math.max(this.x(n.t1), x0 + 6);
      const dy = y1 > y0 ? -9 : 9;
      const path = y0 === y1
        ? `M${x0},${y0 - 9} C${x0 + 14},${y0 - 26} ${x1 + 14},${y1 - 26} ${x1},${y1 - 9}`
        : `M${x0},${y0 + (y1 > y0 ? 6 : -6)} L${x1},${y1 + dy}`;
      const g = el('g', { class: `tl-note ${n.decision.replace(/[^a-z]+/gi, '-')}` });
      el('path', { d: path, class: 'tl-note-line', 'marker-end': 'url(#arrow)' }, g);
      const lx = (x0 + x1) / 2 + 4;
      const ly = y0 === y1 ? y0 - 22 : (y0 + y1) / 2;
      const t = el('text', { x: lx, y: ly, class: 'tl-note-text' }, g);
      t.textContent = `${n.text} → ${n.decision}`;
      this.shape(plot, g, n.post, `note "${n.text}" from ${n.from === 'host' ? 'outside the program' : `pid ${n.from}`} to pid ${n.to}: ${n.decision}`);
    }

    // Replay: dim what has not happened yet, draw the cursor.
    if (this.replayAt !== null) {
      const e = m.events[this.replayAt];
      const x = this.x(e.t);
      el('rect', { x: x + 1, y: AXIS_H, width: Math.max(0, width - x), height: height - AXIS_H, class: 'tl-future' }, plot);
      el('line', { x1: x, x2: x, y1: AXIS_H - 6, y2: height, class: 'tl-cursor' }, plot);
      const yy = procY.get(e.pid);
      if (yy !== undefined) el('circle', { cx: x, cy: yy, r: 6, class: 'tl-cursor-dot' }, plot);
    }

    this.ui.root.replaceChildren(svg);
    this.svg = svg;
  }

  private title(text: string): SVGTitleElement {
    const t = document.createElementNS(SVG, 'title');
    t.textContent = text;
    return t;
  }

  /** A focusable, hoverable, clickable shape standing for event e. */
  private shape(parent: Element, s: SVGElement, e: TraceEvent, label: string): void {
    s.setAttribute('data-id', String(e.id ?? ''));
    s.setAttribute('data-kind', e.kind);
    s.setAttribute('tabindex', '0');
    s.setAttribute('role', 'button');
    s.setAttribute('aria-label', label);
    s.append(this.title(label));
    const show = () => (this.ui.details.textContent = `${label} · ${describe(e)}`);
    s.addEventListener('pointerenter', show);
    s.addEventListener('focus', show);
    s.addEventListener('click', () => this.explain(e.id ?? 0));
    s.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter' || (ev as KeyboardEvent).key === ' ') {
        ev.preventDefault();
        this.explain(e.id ?? 0);
      }
    });
    parent.append(s);
  }

  /** The cause chain of event id, and what it led to, in the chain panel. */
  explain(id: number): void {
    const m = this.model;
    if (!m || !id) return;
    const chain = causeChain(m, id);
    const after = consequences(m, id);
    const panel = this.ui.chain;
    panel.replaceChildren();
    const h = document.createElement('h4');
    h.textContent = 'Cause chain';
    const ol = document.createElement('ol');
    for (const e of chain) {
      const li = document.createElement('li');
      li.textContent = describe(e);
      if (e.id === id) li.className = 'this';
      ol.append(li);
    }
    panel.append(h, ol);
    if (after.length > 0) {
      const h2 = document.createElement('h4');
      h2.textContent = 'What it led to';
      const ul = document.createElement('ul');
      for (const e of after.slice(0, 12)) {
        const li = document.createElement('li');
        li.textContent = describe(e);
        ul.append(li);
      }
      panel.append(h2, ul);
    }
    panel.hidden = false;
  }
}
