// The pending-call table (issue 11, seed 004: golang/go#41054's proposal):
// for a proc in a system call, the call and its arguments as a person reads
// them, since when, whether a note or ctl interrupt can end it, and the Go
// code that made it. Machine.procs() and the playground's proc table show
// it; /proc/n/status keeps Plan 9's layout (the call's name as the state).
import { Sys } from '../abi/defs.js';
import type { Chan } from './dev/dev.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './portdat.js';
import { sysname } from './syscalls.js';

/** A proc's call in progress, as Machine.procs() reports it. */
export interface PendingCall {
  /** The call's name: pread, pwrite, open, sleep, semacquire, ... */
  name: string;
  /** Its arguments in words: `fd 5 /net/tcp/1/data, 64 bytes at the current offset`, `note "hangup"`. */
  args: string;
  /** pread, pwrite: the fd. */
  fd?: number;
  /** pread, pwrite: the name its file was opened by; open, create: the path. */
  path?: string;
  /** pread, pwrite: the byte count. */
  count?: number;
  /** pread, pwrite: the offset (-1: the file's current offset). */
  offset?: number;
  /** A write to a /proc/n/note, notepg or ctl file: the text written. */
  text?: string;
  /** When the call entered the kernel, in ns of the run's clock. */
  since: number;
  /** ... and on the wall clock, in ms since 1970. */
  sinceWall: number;
  /**
   * It sleeps in the kernel, so a note or a ctl interrupt ends it with
   * "interrupted" (docs/plan9-notes.md §1.4); false for a call that is
   * running to its end and returns without sleeping.
   */
  interruptible: boolean;
  /** The goroutine running on the proc's M (when the run is traced). */
  goroutine?: number;
  /**
   * The Go operation that made the call: the library function the
   * goroutine's own code called, as a Go stack trace names it
   * (`net.(*conn).Read`, `os.(*File).Read`, `net.(*TCPListener).Accept`);
   * func, file and line say where the program called it (when traced).
   */
  op?: string;
  /** The Go function the core reported at the call, "main.main" (when traced). */
  func?: string;
  /** ... its file, as the compiler named it. */
  file?: string;
  /** ... and the line. */
  line?: number;
}

/** Written text, shown quoted and cut to 64 characters. */
const quoted = (b: Uint8Array) => JSON.stringify(new TextDecoder().decode(b.subarray(0, 64)) + (b.length > 64 ? '…' : ''));

/** The pending call of p, or null when it is not in one. */
export function pendingcall(k: Kernel, p: Proc): PendingCall | null {
  const sc = p.sc;
  if (!sc || p.state === 'dead' || p.state === 'broken' || sc.num === Sys.PROCSTART) return null;
  const name = sysname(sc.num);
  const out: PendingCall = { name, args: '', since: Number(sc.t0), sinceWall: sc.wall0, interruptible: p.state === 'blocked' };
  const a = sc.args;
  switch (sc.num) {
    case Sys.PREAD:
    case Sys.PWRITE: {
      const c = (sc.x.chan as Chan | undefined) ?? p.fgrp.fd[Number(a[0])] ?? null;
      Object.assign(out, { fd: Number(a[0]), count: Number(a[2]), offset: Number(a[3]) });
      if (c) out.path = c.name;
      const data = sc.x.data as Uint8Array | undefined;
      if (data && c && /^\/proc\/[0-9]+\/(note|notepg|ctl)$/.test(c.name)) out.text = new TextDecoder().decode(data);
      const at = a[3] === -1n ? 'at the current offset' : `at offset ${a[3]}`;
      out.args = `fd ${a[0]}${c ? ` ${c.name}` : ''}, ${a[2]} bytes ${at}${out.text !== undefined ? `: ${quoted(data!)}` : ''}`;
      break;
    }
    case Sys.OPEN:
    case Sys.CREATE: {
      try {
        out.path = k.string(a[0], a[1]);
        out.args = JSON.stringify(out.path);
      } catch {
        out.args = `name at 0x${a[0].toString(16)}`;
      }
      break;
    }
    case Sys.SLEEP:
      out.args = `${a[0]} ms`;
      break;
    case Sys.SEMACQUIRE:
      out.args = `semaphore 0x${a[0].toString(16)}${a[1] === 0n ? ', not blocking' : ''}`;
      break;
    case Sys.TSEMACQUIRE:
      out.args = `semaphore 0x${a[0].toString(16)}, ${a[1]} ms`;
      break;
    default:
      out.args = a.slice(0, 4).map((w) => `0x${w.toString(16)}`).join(', ');
  }
  const g = k.tracer.goroutine(p.pid);
  if (g) out.goroutine = g;
  const op = k.tracer.opname(sc.op);
  if (op) out.op = op;
  const f = k.tracer.func(sc.pos);
  if (f) Object.assign(out, f);
  return out;
}
