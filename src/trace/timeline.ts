// A short text timeline of a run: procs, the calls that slept, and the
// note path (posted -> interrupted -> delivered -> handler decision -> noted).
import { Decision, TraceKind } from '../../host/abi/defs.js';
import type { TraceEvent } from '../../host/kernel/trace.js';

const decisionName = new Map<number, string>([
  [Decision.IGNORED_HANGUP, 'ignored (this M ignores hangup)'],
  [Decision.SENT_TO_SIGNAL, 'sent to os/signal'],
  [Decision.KILL, 'kill: goexitsall + exits'],
  [Decision.THROW, 'throw'],
  [Decision.PANIC, 'panic'],
  [Decision.GOEXIT, 'go: exit'],
  [Decision.IGNORED, 'ignored'],
]);

const quiet = new Set(['semacquire']);

function ms(t: number): string {
  return (t / 1e6).toFixed(3).padStart(10) + 'ms';
}

function q(s: string | undefined): string {
  return JSON.stringify(s ?? '');
}

/** One line per event worth reading; null for the rest. */
function line(e: TraceEvent, blocked: Map<number, string>): string | null {
  switch (e.kind) {
    case 'boot':
      return `boot (${e.text})`;
    case 'proc.start':
      return 'proc starts';
    case 'rfork':
      return `rfork -> new proc ${e.a}`;
    case 'proc.exit':
      return `proc exits ${q(e.text)}`;
    case 'sys.block':
      blocked.set(e.pid, e.sys ?? '?');
      // An idle M parks in semacquire (the runtime's notesleep): only its interruption is news.
      if (quiet.has(e.sys ?? '')) return null;
      return `${e.sys} blocks in the kernel`;
    case 'sys.interrupted':
      blocked.delete(e.pid);
      return `${e.sys} interrupted: returns -1 "interrupted"`;
    case 'sys.exit': {
      if (!blocked.has(e.pid)) return null;
      blocked.delete(e.pid);
      if (quiet.has(e.sys ?? '')) return null;
      return `${e.sys} returns ${e.ret}${e.err ? ` ${q(e.err)}` : ''}`;
    }
    case 'note.post':
      return `postnote ${q(e.text)} -> pid ${e.to}${e.from === 'host' ? ' (from the host)' : ''}${e.result === 'refused' ? ': refused, queue full' : ''}`;
    case 'note.deliver':
      return `note ${q(e.text)} delivered to the handler`;
    case 'note.held':
      return `note ${q(e.text)} held: the proc is in its handler`;
    case 'note.kill':
      return `note ${q(e.text)} kills the proc`;
    case 'noted':
      return `noted(${e.mode === 0 ? 'NCONT' : e.mode === 1 ? 'NDFLT' : e.mode})`;
    case 'abort':
      return `core abort: ${e.text}`;
    case 'end':
      return `run ends: exit string ${q(e.text)} (${e.reason})`;
    case 'note.handler':
      return `handler: ${e.decision}`;
    case 'm.ignorehangup':
      return e.on ? 'M ignores hangup (asyncIO starts)' : 'M stops ignoring hangup';
    default:
      return null;
  }
}

export function timeline(events: readonly TraceEvent[]): string {
  const out: string[] = [];
  const blocked = new Map<number, string>();
  for (const e of events) {
    const l = line(e, blocked);
    if (l === null) continue;
    out.push(`${ms(e.t)}  ${e.pid === 0 ? 'kernel' : `pid ${e.pid}`.padEnd(6)}  ${l}`);
  }
  return out.join('\n') + '\n';
}
