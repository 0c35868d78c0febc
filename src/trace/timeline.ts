// The text timeline: one column per proc (M), time going down. A call that
// sleeps is a span (┬ ... │ ... ┴); a note is an arrow from its poster's
// column to its target's; then the delivery and the handler's decision;
// goroutine switches show as "gN". Fits 80 columns; colour only when asked
// (the CLI asks when stderr is a terminal).
import type { TraceEvent } from '../../host/kernel/trace.js';
import { TraceIndex, deadlineName, ms, q } from './model.js';

export interface TimelineOptions {
  /** Total width (default 80). */
  width?: number;
  /** ANSI colours (default false). */
  color?: boolean;
}

/** The runtime's idle M parks in semacquire (notesleep): only news when interrupted. */
const quiet = new Set(['semacquire', 'tsemacquire']);

const C = { note: '\x1b[33m', sys: '\x1b[36m', g: '\x1b[2m', kill: '\x1b[31m', off: '\x1b[0m' };
type Colour = keyof typeof C;

function cut(s: string, w: number): string {
  const a = [...s];
  return a.length <= w ? s + ' '.repeat(w - a.length) : a.slice(0, w - 1).join('') + '…';
}

export function timeline(events: readonly TraceEvent[], o: TimelineOptions = {}): string {
  const ix = new TraceIndex(events);
  const width = o.width ?? 80;
  const tw = 11;
  const pids = ix.pids;
  const col = new Map(pids.map((p, i) => [p, i]));
  const cw = Math.max(12, Math.min(24, Math.floor((width - tw) / Math.max(1, pids.length))));
  const paint = (s: string, c: Colour | null) => (o.color && c ? C[c] + s + C.off : s);
  const spans = new Map<number, string>(); // pid -> call that sleeps
  const alive = new Set<number>();
  const lastg = new Map<number, number>();
  const out: string[] = [];
  const header = ' '.repeat(tw) + pids.map((p) => cut(`pid ${p}`, cw)).join('').trimEnd();
  out.push(header);

  /** The background of a row: │ for procs asleep in a call, · for live procs. */
  const row = (t: number | null, cells: Map<number, { s: string; c: Colour | null }>, arrow?: [number, number, string]) => {
    let line = t === null ? ' '.repeat(tw) : cut(ms(t).padStart(tw - 1), tw);
    const parts: string[] = [];
    for (const p of pids) {
      const i = col.get(p)!;
      const cell = cells.get(p);
      if (cell) {
        parts.push(paint(cut(cell.s, cw), cell.c));
        continue;
      }
      if (arrow && i > Math.min(arrow[0], arrow[1]) && i < Math.max(arrow[0], arrow[1])) {
        parts.push(paint('─'.repeat(cw), 'note'));
        continue;
      }
      parts.push(cut(spans.has(p) ? '│' : alive.has(p) ? '·' : '', cw));
    }
    line += parts.join('');
    out.push(line.trimEnd());
  };
  const one = (e: TraceEvent, s: string, c: Colour | null = null) => row(e.t, new Map([[e.pid, { s, c }]]));

  if (events[0]?.kind === 'boot') out.unshift(`boot (${events[0].text})`);
  for (const e of events) {
    const p = e.pid;
    switch (e.kind) {
      case 'proc.start':
        alive.add(p);
        one(e, 'start');
        break;
      case 'rfork':
        one(e, `rfork → pid ${e.a}`);
        break;
      case 'proc.exit':
        spans.delete(p);
        one(e, `exits ${q(e.text)}`, 'kill');
        alive.delete(p);
        break;
      case 'sys.block':
        if (quiet.has(e.sys ?? '')) break;
        spans.set(p, e.sys ?? '?');
        one(e, `┬ ${e.sys}${fdOf(ix, e)}`, 'sys');
        break;
      case 'sys.interrupted':
        spans.delete(p);
        one(e, `┴ ${e.sys} interrupted`, 'note');
        break;
      case 'sys.exit':
        if (!spans.has(p)) break;
        spans.delete(p);
        one(e, `┴ ${e.sys} = ${e.ret}`, 'sys');
        break;
      case 'note.post': {
        const from = typeof e.from === 'number' ? e.from : 0;
        const to = e.to ?? 0;
        const refused = e.result === 'refused' ? ' (refused)' : '';
        const a = from > 0 ? col.get(from)! : -1;
        const b = col.get(to) ?? 0;
        const cells = new Map<number, { s: string; c: Colour | null }>();
        if (from > 0 && from !== to) {
          const left = a < b;
          // The poster's end is the text (or a •), the target's the arrowhead.
          const fill = (x: string) => x + '─'.repeat(Math.max(0, cw - [...x].length));
          cells.set(from, { s: left ? fill(`${q(e.text)}${refused} `) : '•', c: 'note' }); // a leftward arrow starts at the poster's column, where its other events are
          cells.set(to, { s: left ? '▶ note' : fill(`${q(e.text)}${refused} ◀`), c: 'note' });
          row(e.t, cells, [a, b, e.text ?? '']);
        } else {
          const who = from === to ? 'self' : 'host';
          cells.set(to, { s: `▶ ${q(e.text)} from ${who}${refused}`, c: 'note' });
          row(e.t, cells);
        }
        break;
      }
      case 'interrupt': {
        // 9front's ctl interrupt: no note, a mark on the target (issue 11).
        const who = e.from === 'host' ? 'host' : e.from === e.to ? 'self' : `pid ${e.from}`;
        const cells = new Map<number, { s: string; c: Colour | null }>();
        cells.set(e.to ?? 0, { s: `▶ ${e.cleared ? 'nointr' : 'interrupt'} from ${who}`, c: 'note' });
        row(e.t, cells);
        break;
      }
      case 'note.deliver':
        one(e, `deliver ${q(e.text)}`, 'note');
        break;
      case 'note.held':
        one(e, `held ${q(e.text)}`, 'note');
        break;
      case 'note.kill':
        one(e, `killed by ${q(e.text)}`, 'kill');
        break;
      case 'note.handler':
        one(e, `handler: ${e.decision}`, 'note');
        break;
      case 'noted':
        one(e, `noted(${e.mode === 0 ? 'NCONT' : e.mode === 1 ? 'NDFLT' : e.mode})`, 'note');
        break;
      case 'm.ignorehangup':
        one(e, e.on ? 'ignores hangup' : 'hangup again', 'g');
        break;
      case 'go.start':
        if (lastg.get(p) === e.goid) break;
        lastg.set(p, e.goid!);
        one(e, `g${e.goid}`, 'g');
        break;
      case 'deadline':
        one(e, e.cleared ? `${deadlineName(e)}(0)` : `${deadlineName(e)} +${ms(e.d ?? 0)}`);
        break;
      case 'timer.fire':
        if (ix.cause(e)?.cause) one(e, `timer fires`);
        break;
      case 'io.cancel':
        one(e, `Cancel pid ${e.to}`);
        break;
      case 'http.abortPendingRead':
        one(e, 'abortPendingRead');
        break;
      case 'io.timeout':
        one(e, `${e.mode === 'w' ? 'Write' : 'Read'}: i/o timeout`, 'note');
        break;
      case 'abort':
        one(e, `abort: ${e.text}`, 'kill');
        break;
      case 'end':
        out.push(`${ms(e.t).padStart(tw - 1)} run ends: exit string ${q(e.text)} (${e.reason})`);
        break;
    }
  }
  return out.join('\n') + '\n';
}

/** " fd N" for calls whose first argument is a descriptor. */
export function fdOf(ix: TraceIndex, e: TraceEvent): string {
  const enter = e.kind === 'sys.enter' ? e : ix.chain(e).find((x) => x.kind === 'sys.enter');
  if (!enter || !['pread', 'pwrite', 'close', 'seek', 'dup'].includes(enter.sys ?? '')) return '';
  return ` fd ${enter.args?.[0]}`;
}
