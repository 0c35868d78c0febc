// --explain: for each interrupted system call, its cause chain on one line,
// followed back through the cause ids (docs/trace.md), e.g.
//   pid 2 pread fd 5 interrupted at 50.021ms (deadline.go:45) <- "hangup" from
//   pid 1 (g4 timer for SetReadDeadline at 0.015ms, deadline.go:42) -> Read
//   returned i/o timeout [handler: ignoredNote]
// A call ended by 9front's ctl interrupt (no note) says who ended it:
//   pid 3 pread fd 4 interrupted at 1.2ms <- interrupted by the host (ctl interrupt)
// Each link names its source position (the events' file and line, the file's
// last element only: one line per call must stay readable) where it has one.
import type { TraceEvent } from '../../host/kernel/trace.js';
import { TraceIndex, deadlineName, ms, q } from './model.js';

/** "file:line" of e's source position (its base name), or undefined. */
function pos(e: TraceEvent | undefined): string | undefined {
  if (e?.file === undefined || e.line === undefined) return undefined;
  return `${e.file.slice(e.file.lastIndexOf('/') + 1)}:${e.line}`;
}

/** " (file:line)" of e, or "". */
function at(e: TraceEvent | undefined): string {
  const p = pos(e);
  return p ? ` (${p})` : '';
}

/** s followed by ", file:line" of e if it has one. */
function withpos(s: string, e: TraceEvent | undefined): string {
  const p = pos(e);
  return p ? `${s}, ${p}` : s;
}

/** Why a note was posted: the link after note.post in its chain, in words. */
function why(ix: TraceIndex, post: TraceEvent): string {
  const c = ix.cause(post);
  if (post.from === 'host') return 'posted by the host';
  if (!c) return `g${post.g ?? 0}`;
  const g = `g${c.g ?? post.g ?? 0}`;
  switch (c.kind) {
    case 'io.cancel': {
      const chain = ix.chain(c);
      const dl = chain.find((x) => x.kind === 'deadline');
      const timer = chain.find((x) => x.kind === 'timer.fire');
      // net/http's server ending its background read (issue 14) names the step.
      const by = chain.some((x) => x.kind === 'http.abortPendingRead') ? 'abortPendingRead: ' : '';
      // The deadline's line: where the timer was set (the Cancel goroutine has it too).
      if (dl && timer) return withpos(`${g} ${by}timer for ${deadlineName(dl)} at ${ms(dl.t)}`, dl);
      if (dl) return withpos(`${g} ${by}${deadlineName(dl)} in the past at ${ms(dl.t)}`, dl);
      return withpos(`${g} Cancel`, c);
    }
    case 'note.handler': {
      const d = ix.cause(c);
      return `handler of ${q(d?.text)} on pid ${c.pid}: ${c.decision}`;
    }
    case 'sys.enter':
      // The runtime's goexitsall: the program is exiting (main returned, os.Exit, a fatal note).
      if (post.text?.startsWith('go: exit')) return withpos(`${g} exiting: goexitsall`, c);
      return withpos(`${g} ${c.sys}`, c);
    default:
      return `${g} ${c.kind}`;
  }
}

/**
 * " <- "text" from pid N (why)" for a note.post; for a ctl interrupt (issue
 * 11) " <- interrupted by the host" or " <- ctl interrupt from pid N (g,
 * file:line of its write to /proc/n/ctl)".
 */
function from(ix: TraceIndex, post: TraceEvent | undefined): string {
  if (post?.kind === 'interrupt') {
    if (post.from === 'host') return ' <- interrupted by the host (ctl interrupt)';
    const w = ix.cause(post);
    return ` <- ctl interrupt from pid ${post.from} (${withpos(`g${w?.g ?? post.g ?? 0} ${w?.sys ?? 'pwrite'} of /proc/${post.to}/ctl`, w)})`;
  }
  if (post?.kind !== 'note.post') return '';
  const who = post.from === 'host' ? 'the host' : `pid ${post.from}`;
  return ` <- ${q(post.text)} from ${who} (${why(ix, post)})`;
}

export function explain(events: readonly TraceEvent[]): string {
  const ix = new TraceIndex(events);
  const enter = new Map<number, TraceEvent>();
  const lines: string[] = [];
  for (const e of events) {
    if (e.kind === 'sys.enter') enter.set(e.pid, e);
    if (e.kind === 'note.handler' && ['kill', 'throw', 'panic'].includes(e.decision ?? '')) {
      // Not an interrupted call, but the other way a note ends a program.
      lines.push(`pid ${e.pid} ${e.decision} by ${q(e.note ?? ix.cause(e)?.text)} at ${ms(e.t)}${from(ix, ix.cause(ix.cause(e) ?? e))}`);
      continue;
    }
    if (e.kind === 'note.kill') {
      lines.push(`pid ${e.pid} killed by ${q(e.text)} at ${ms(e.t)} (no handler, or noted NDFLT)${from(ix, ix.chain(e).find((x) => x.kind === 'note.post'))}`);
      continue;
    }
    if (e.kind !== 'sys.interrupted') continue;
    const call = enter.get(e.pid);
    const fd = call && ['pread', 'pwrite'].includes(call.sys ?? '') ? ` fd ${call.args?.[0]}` : '';
    let l = `pid ${e.pid} ${e.sys}${fd} interrupted at ${ms(e.t)}${at(call)}`;
    const post = ix.cause(e);
    l += from(ix, post);
    const effects = ix.effects.get(e.id ?? 0) ?? [];
    const timeout = effects.find((x) => x.kind === 'io.timeout');
    if (timeout) l += ` -> ${timeout.mode === 'w' ? 'Write' : 'Read'} returned i/o timeout`;
    else {
      const exit = effects.find((x) => x.kind === 'sys.exit');
      if (exit) l += ` -> ${e.sys} returned ${exit.ret} ${q(exit.err)}`;
    }
    const deliver = post ? ix.effects.get(post.id ?? 0)?.find((x) => x.kind === 'note.deliver') : undefined;
    const handler = deliver ? ix.effects.get(deliver.id ?? 0)?.find((x) => x.kind === 'note.handler') : undefined;
    if (handler) l += ` [handler: ${handler.decision}]`;
    lines.push(l);
  }
  if (lines.length === 0) return 'no system call was interrupted and no note ended a proc\n';
  return lines.join('\n') + '\n';
}
