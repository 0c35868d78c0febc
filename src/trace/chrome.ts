// The trace as Chrome trace-event JSON (Perfetto and chrome://tracing open
// it): one process per note group, one thread per M (= proc), the system
// calls as B/E slices, goroutines as nestable async tracks, notes as instant
// events with a flow arrow from the poster to the call the note interrupted.
// The schema's events ride along under "p9rt" for tools that want them.
import type { TraceEvent } from '../../host/kernel/trace.js';
import { TRACE_VERSION } from '../../host/kernel/trace.js';
import { TraceIndex, q } from './model.js';

export interface ChromeEvent {
  name: string;
  ph: string;
  ts: number;
  pid: number;
  tid: number;
  cat?: string;
  s?: string;
  id?: string;
  bp?: string;
  args?: Record<string, unknown>;
}

/** ns -> µs, the format's unit; integers stay integers so files are stable. */
const us = (t: number) => t / 1000;

/** Instant events for these kinds, on the thread of the proc. */
const instants = new Set([
  'proc.start', 'proc.exit', 'rfork', 'note.deliver', 'note.held', 'note.kill', 'noted', 'note.handler',
  'timer.set', 'timer.fire', 'timer.stop', 'timer.reset', 'deadline', 'io.cancel', 'io.timeout', 'm.ignorehangup',
  'p.handoff', 'abort', 'http.abortPendingRead',
]);

function label(e: TraceEvent): string {
  switch (e.kind) {
    case 'note.deliver': return `deliver ${q(e.text)}`;
    case 'note.held': return `held ${q(e.text)}`;
    case 'note.kill': return `killed by ${q(e.text)}`;
    case 'note.handler': return `handler: ${e.decision}`;
    case 'noted': return `noted(${e.mode === 0 ? 'NCONT' : e.mode === 1 ? 'NDFLT' : e.mode})`;
    case 'proc.exit': return `exits ${q(e.text)}`;
    case 'rfork': return `rfork -> pid ${e.a}`;
    case 'deadline': return e.cleared ? `deadline ${e.mode} cleared` : `deadline ${e.mode} in ${e.d}ns`;
    case 'io.cancel': return `Cancel: hangup -> pid ${e.to}`;
    case 'http.abortPendingRead': return 'abortPendingRead';
    case 'io.timeout': return `${e.mode === 'w' ? 'Write' : 'Read'} returns i/o timeout`;
    case 'timer.set': case 'timer.reset': return `${e.kind} when ${e.when}ms`;
    case 'p.handoff': return `P -> pid ${e.to}`;
    default: return e.kind;
  }
}

export function chromeEvents(events: readonly TraceEvent[]): ChromeEvent[] {
  const ix = new TraceIndex(events);
  const out: ChromeEvent[] = [];
  const grp = (pid: number) => (pid === 0 ? 0 : ix.group.get(pid) ?? 1);
  // metadata names
  out.push({ name: 'process_name', ph: 'M', ts: 0, pid: 0, tid: 0, args: { name: 'kernel' } });
  const groups = [...new Set(ix.pids.map(grp))].sort((a, b) => a - b);
  for (const g of groups) {
    const members = ix.pids.filter((p) => grp(p) === g);
    out.push({ name: 'process_name', ph: 'M', ts: 0, pid: g, tid: 0, args: { name: `note group ${g} (pids ${members.join(' ')})` } });
    out.push({ name: 'process_sort_index', ph: 'M', ts: 0, pid: g, tid: 0, args: { sort_index: g } });
  }
  for (const p of ix.pids) out.push({ name: 'thread_name', ph: 'M', ts: 0, pid: grp(p), tid: p, args: { name: `M${p} (pid ${p})` } });

  // Per thread: the open syscall slice. Per goroutine: its open state slice.
  const open = new Map<number, string>();
  const gstate = new Map<number, { name: string; pid: number }>();
  const glive = new Set<number>();
  const gbegin = (goid: number, pid: number, name: string, ts: number) => {
    const gp = grp(pid);
    const cur = gstate.get(goid);
    if (cur) out.push({ name: cur.name, ph: 'e', cat: 'goroutine', id: `g${goid}`, ts, pid: cur.pid, tid: 0 });
    if (!glive.has(goid)) {
      glive.add(goid);
      out.push({ name: `g${goid}`, ph: 'b', cat: 'goroutine', id: `g${goid}`, ts, pid: gp, tid: 0 });
    }
    gstate.set(goid, { name, pid: gp });
    out.push({ name, ph: 'b', cat: 'goroutine', id: `g${goid}`, ts, pid: gp, tid: 0 });
  };
  const gend = (goid: number, ts: number) => {
    const cur = gstate.get(goid);
    if (cur) out.push({ name: cur.name, ph: 'e', cat: 'goroutine', id: `g${goid}`, ts, pid: cur.pid, tid: 0 });
    gstate.delete(goid);
    if (glive.delete(goid)) out.push({ name: `g${goid}`, ph: 'e', cat: 'goroutine', id: `g${goid}`, ts, pid: cur?.pid ?? 1, tid: 0 });
  };
  const close = (pid: number, ts: number) => {
    const name = open.get(pid);
    if (name === undefined) return;
    out.push({ name, ph: 'E', cat: 'syscall', ts, pid: grp(pid), tid: pid });
    open.delete(pid);
  };

  for (const e of events) {
    const ts = us(e.t);
    const pid = grp(e.pid);
    const tid = e.pid;
    const args = { id: e.id, g: e.g, cause: e.cause };
    switch (e.kind) {
      case 'sys.enter':
        close(e.pid, ts);
        open.set(e.pid, e.sys ?? '?');
        out.push({ name: e.sys ?? '?', ph: 'B', cat: 'syscall', ts, pid, tid, args: { ...args, args: e.args } });
        continue;
      case 'sys.exit':
        if (open.has(e.pid)) out.push({ name: open.get(e.pid)!, ph: 'E', cat: 'syscall', ts, pid, tid, args: { ret: e.ret, err: e.err } });
        open.delete(e.pid);
        continue;
      case 'sys.interrupted':
        out.push({ name: `${e.sys} interrupted`, ph: 'i', s: 't', cat: 'note', ts, pid, tid, args });
        if (e.cause) out.push({ name: 'note', ph: 'f', bp: 'e', cat: 'note', id: `n${e.cause}`, ts, pid, tid });
        continue;
      case 'note.post': {
        const from = typeof e.from === 'number' ? e.from : 0;
        out.push({ name: `note ${q(e.text)} -> pid ${e.to}${e.result === 'refused' ? ' (refused)' : ''}`, ph: 'i', s: 't', cat: 'note', ts, pid: grp(from), tid: from, args: { ...args, text: e.text, to: e.to, result: e.result } });
        if (ix.effects.get(e.id ?? 0)?.some((x) => x.kind === 'sys.interrupted')) {
          out.push({ name: 'note', ph: 's', cat: 'note', id: `n${e.id}`, ts, pid: grp(from), tid: from });
        }
        continue;
      }
      case 'interrupt': {
        const from = typeof e.from === 'number' ? e.from : 0;
        out.push({ name: `${e.cleared ? 'nointerrupt' : 'ctl interrupt'} -> pid ${e.to}`, ph: 'i', s: 't', cat: 'note', ts, pid: grp(from), tid: from, args: { ...args, to: e.to } });
        if (ix.effects.get(e.id ?? 0)?.some((x) => x.kind === 'sys.interrupted')) {
          out.push({ name: 'note', ph: 's', cat: 'note', id: `n${e.id}`, ts, pid: grp(from), tid: from });
        }
        continue;
      }
      case 'go.create': gbegin(e.goid!, e.pid, 'runnable', ts); break;
      case 'go.start': gbegin(e.goid!, e.pid, `running on M${e.pid}`, ts); break;
      case 'go.block': gbegin(e.goid!, e.pid, `waiting: ${e.reason}`, ts); break;
      case 'go.unblock': gbegin(e.goid!, e.pid, 'runnable', ts); break;
      case 'go.syscall': gbegin(e.goid!, e.pid, `syscall ${e.sys} on M${e.pid}`, ts); break;
      case 'go.sysexit': if (e.p === 'lost') gbegin(e.goid!, e.pid, 'runnable', ts); break;
      case 'go.end': gend(e.goid!, ts); break;
      case 'proc.exit':
        close(e.pid, ts);
        break;
      case 'end':
        for (const p of [...open.keys()]) close(p, ts);
        for (const g of [...glive]) gend(g, ts);
        out.push({ name: `end ${q(e.text)} (${e.reason})`, ph: 'i', s: 'g', ts, pid: 0, tid: 0 });
        continue;
      case 'boot':
        out.push({ name: `boot (${e.text})`, ph: 'i', s: 'g', ts, pid: 0, tid: 0 });
        continue;
    }
    if (instants.has(e.kind)) out.push({ name: label(e), ph: 'i', s: 't', cat: e.kind.split('.')[0], ts, pid, tid, args: { ...args, ...e } });
  }
  return out;
}

export function chromeTrace(events: readonly TraceEvent[]): string {
  const traceEvents = chromeEvents(events);
  return JSON.stringify({ traceEvents, displayTimeUnit: 'ms', otherData: { p9rt_trace_version: String(TRACE_VERSION) }, p9rt: { version: TRACE_VERSION, events } }) + '\n';
}

/**
 * The format's rules a reader relies on (tests run it on real traces):
 * required fields, balanced B/E with strictly nested slices and
 * non-decreasing time per thread, balanced async b/e per id, flows that
 * start and finish. Returns the problems found (empty: valid).
 */
export function validateChrome(doc: { traceEvents?: ChromeEvent[] }): string[] {
  const errs: string[] = [];
  if (!Array.isArray(doc.traceEvents)) return ['traceEvents is not an array'];
  const stacks = new Map<string, { name: string; ts: number }[]>();
  const last = new Map<string, number>();
  const asyncOpen = new Map<string, string[]>();
  const flows = new Map<string, number>();
  doc.traceEvents.forEach((e, i) => {
    const at = `event ${i} (${e.ph} ${e.name})`;
    if (typeof e.name !== 'string') errs.push(`${at}: name missing`);
    if (typeof e.ph !== 'string') errs.push(`${at}: ph missing`);
    if (typeof e.ts !== 'number' || !Number.isFinite(e.ts)) errs.push(`${at}: ts missing`);
    if (!Number.isInteger(e.pid) || !Number.isInteger(e.tid)) errs.push(`${at}: pid/tid missing`);
    if (e.ph === 'M') return;
    const th = `${e.pid}/${e.tid}`;
    if (e.ph === 'B' || e.ph === 'E' || e.ph === 'i' || e.ph === 'X') {
      if ((last.get(th) ?? -Infinity) > e.ts) errs.push(`${at}: time goes back on thread ${th}`);
      last.set(th, e.ts);
    }
    if (e.ph === 'B') {
      let s = stacks.get(th);
      if (!s) stacks.set(th, (s = []));
      s.push({ name: e.name, ts: e.ts });
    } else if (e.ph === 'E') {
      const top = stacks.get(th)?.pop();
      if (!top) errs.push(`${at}: E without B on thread ${th}`);
      else if (top.name !== e.name) errs.push(`${at}: E closes ${top.name}: slices overlap on thread ${th}`);
    } else if (e.ph === 'b' || e.ph === 'e') {
      if (!e.id || !e.cat) errs.push(`${at}: async event without id/cat`);
      const k = `${e.cat}/${e.id}`;
      let s = asyncOpen.get(k);
      if (!s) asyncOpen.set(k, (s = []));
      if (e.ph === 'b') s.push(e.name);
      else if (s.pop() !== e.name) errs.push(`${at}: async e does not close the innermost b of ${k}`);
    } else if (e.ph === 's') {
      flows.set(`${e.cat}/${e.id}`, (flows.get(`${e.cat}/${e.id}`) ?? 0) + 1);
    } else if (e.ph === 'f') {
      const k = `${e.cat}/${e.id}`;
      if (!flows.get(k)) errs.push(`${at}: flow finish without start`);
      else flows.set(k, flows.get(k)! - 1);
    } else if (e.ph === 'i') {
      if (e.s && !['t', 'p', 'g'].includes(e.s)) errs.push(`${at}: bad scope ${e.s}`);
    } else errs.push(`${at}: unknown phase`);
  });
  for (const [th, s] of stacks) if (s.length) errs.push(`thread ${th}: ${s.length} slice(s) never end (${s.map((x) => x.name).join(', ')})`);
  for (const [k, s] of asyncOpen) if (s.length) errs.push(`async ${k}: ${s.length} slice(s) never end`);
  return errs;
}
