// What the views share: looking events up by id, following causes, proc
// groups, and short labels for the links of a cause chain.
import { RFNOTEG } from '../../host/abi/defs.js';
import type { TraceEvent } from '../../host/kernel/trace.js';

export class TraceIndex {
  readonly events: TraceEvent[] = [];
  readonly byId = new Map<number, TraceEvent>();
  /** cause id -> the events it caused, in order. */
  readonly effects = new Map<number, TraceEvent[]>();
  /** pid -> its note group (pid 1's group is 1; RFNOTEG starts a group named after the child). */
  readonly group = new Map<number, number>();
  readonly pids: number[] = [];
  private readonly lastEnter = new Map<number, TraceEvent>();
  private readonly seen = new Set<number>();

  constructor(events: readonly TraceEvent[] = []) {
    this.add(events);
  }

  /** Index more events (a live run's next batch): they follow the ones already added. */
  add(events: readonly TraceEvent[]): void {
    let newPid = false;
    for (const e of events) {
      this.events.push(e);
      this.byId.set(e.id ?? this.events.length, e);
      if (e.cause) {
        let l = this.effects.get(e.cause);
        if (!l) this.effects.set(e.cause, (l = []));
        l.push(e);
      }
      if (e.pid > 0 && !this.seen.has(e.pid)) {
        this.seen.add(e.pid);
        if (!this.group.has(e.pid)) this.group.set(e.pid, e.pid === 1 ? 1 : e.pid);
        this.pids.push(e.pid);
        newPid = true;
      }
      if (e.kind === 'sys.enter') this.lastEnter.set(e.pid, e);
      if (e.kind === 'rfork' && e.a) {
        const flags = this.lastEnter.get(e.pid)?.args?.[0] ?? 0;
        this.group.set(e.a, flags & RFNOTEG ? e.a : this.group.get(e.pid) ?? 1);
      }
    }
    if (newPid) this.pids.sort((a, b) => a - b);
  }

  cause(e: TraceEvent): TraceEvent | undefined {
    return e.cause ? this.byId.get(e.cause) : undefined;
  }

  /** e and its causes, e first. */
  chain(e: TraceEvent): TraceEvent[] {
    const out = [e];
    for (let c = this.cause(e); c && out.length < 64; c = this.cause(c)) out.push(c);
    return out;
  }
}

/** ns -> "50.020ms" (µs precision: virtual time charges 1 ns an instruction). */
export function ms(t: number): string {
  const v = t / 1e6;
  return `${Number.isInteger(v) ? v : v.toFixed(3)}ms`;
}

export function q(s: string | undefined): string {
  return JSON.stringify(s ?? '');
}

const deadlineCall: Record<string, string> = { r: 'SetReadDeadline', w: 'SetWriteDeadline', rw: 'SetDeadline' };

export function deadlineName(e: TraceEvent): string {
  return deadlineCall[String(e.mode)] ?? 'SetDeadline';
}
