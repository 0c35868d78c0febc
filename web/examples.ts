// The curated examples: the Go files of examples/, each with what to watch for. They tell the
// story of the seed commits: a deadline interrupting a blocked pread, hangup killing or being
// caught, net/http's background read (by hand, then in net/http itself), issue 57114, a proc that
// waits for you, and a read that never returns until you end it (seed 004, golang/go#41054).
import deadline from '../examples/deadline.go?raw';
import hangup from '../examples/hangup.go?raw';
import notify from '../examples/notify.go?raw';
import backgroundread from '../examples/backgroundread.go?raw';
import issue57114 from '../examples/issue57114.go?raw';
import blocked from '../examples/blocked.go?raw';
import pollrace from '../examples/pollrace.go?raw';
import pending from '../examples/pending.go?raw';
import httpHangup from '../examples/http_hangup.go?raw';
import stalled from '../examples/stalled.go?raw';

export interface Example {
  file: string;
  title: string;
  source: string;
  /** Shown beside the editor: what happens and what to look at. */
  about: string;
  /** The clock the example is meant for (default virtual). */
  clock?: 'virtual' | 'real';
  /** The internal/poll it starts with (default current). */
  poll?: 'current' | 'go1.19';
}

export const examples: Example[] = [
  {
    file: 'deadline.go',
    title: 'A read deadline',
    source: deadline,
    about:
      'The Read runs on its own proc, which ignores hangup. When the 50 ms deadline timer fires, internal/poll posts "hangup" to that proc; the kernel fails its pread with "interrupted" and Read returns i/o timeout. After Run, that red pread is selected in the timeline with its cause chain: click a step to see its line here.',
  },
  {
    file: 'hangup.go',
    title: 'hangup kills',
    source: hangup,
    about:
      'The program posts "hangup" to its own proc. Nobody called signal.Notify and this M does not ignore hangup, so the runtime\'s handler decides kill: every other proc gets "go: exit hangup" and the exit string is "hangup". The last line never prints.',
  },
  {
    file: 'notify.go',
    title: 'signal.Notify catches hangup',
    source: notify,
    about:
      'The same note as in hangup.go, but os/signal asked for it: the handler decides sendNote, the note is queued for os/signal and arrives on the channel. The program lives on, twice.',
  },
  {
    file: 'backgroundread.go',
    title: "net/http's background read",
    source: backgroundread,
    about:
      'A server keeps a Read pending while its handler runs, then stops it with a deadline in the past: hangup interrupts the pread at once, the Read returns a timeout, and after clearing the deadline the same connection reads the next request.',
  },
  {
    file: 'http_hangup.go',
    title: 'net/http: the client hangs up',
    source: httpHangup,
    about:
      'A real net/http server. While a handler runs, the server keeps a one-byte read pending on the connection. Request 1 ends normally, so the server aborts that read with a deadline in the past: "hangup" interrupts the pread (the red one, with its chain from SetReadDeadline). During request 2 the client hangs up: the pending pread returns, the connection\'s context is cancelled, and r.Context().Done() wakes the handler.',
  },
  {
    file: 'issue57114.go',
    title: 'Issue 57114: pre-fix and fixed poll',
    source: issue57114,
    about:
      'A 20 ms deadline moved to an hour. Go 1.19.8\'s timer callback does not check that it is still the FD\'s timer, so it cancels the Read at 20 ms; current Go\'s (CL 470215) does nothing and the Read waits for the peer. Both run here, one after the other, switched by p9rt/poll.',
  },
  {
    file: 'pollrace.go',
    title: 'Issue 57114: switch internal/poll',
    source: pollrace,
    poll: 'go1.19',
    about:
      'The read deadline is moved from 20 ms to an hour before the Read. Run it as it is (under Options, internal/poll is Go 1.19.8): the stale 20 ms timer still fires and posts hangup, the Read is interrupted (the red pread), and the next Read fails at once: the conn stays timed out. Then pick "Current Go" under Options and run again: the Read just waits for the peer.',
  },
  {
    file: 'blocked.go',
    title: 'Blocked until you post a note',
    source: blocked,
    clock: 'real',
    about:
      'pid 1 sleeps in pread on a pipe nobody writes. While it runs, pick pid 1 under "Post a note", send "interrupt", and watch it die with exit string "interrupt" (try "hangup" to pid 2 too). Runs on the wall clock so that it waits for you; in virtual time it gives up at once, after 24 hours of its own clock.',
  },
  {
    file: 'pending.go',
    title: 'A read that never returns, ended from the page',
    source: pending,
    about:
      'The Read has no deadline and its peer never writes, so every proc ends up blocked and the run waits for you ("waiting: every proc is blocked"; the clock stands still). Press "interrupt" on the proc in pread: the call fails with "interrupted" as 9front\'s ctl interrupt makes it, with no note and no handler, Read returns i/o timeout as in Go\'s Plan 9 port, and the connection still reads what the peer writes next. Share keeps your interrupt, at the time it took effect.',
  },
  {
    file: 'stalled.go',
    title: 'A program ends its own stalled read',
    source: stalled,
    about:
      'The Go proposal golang/go#41054 (declined) asked for a way to list blocked system calls and end one. p9rt/pending, p9rt\'s own package, does it: a goroutine reads a pipe whose writer has stalled; after 100ms a watchdog lists the reads in flight and ends that one with pending.Interrupt, a ctl "interrupt" to the proc in pread (the red call, its chain from the pwrite of /proc/1/ctl). The Read returns an *InterruptError, not a timeout, and the retried Read gets the data once the writer is back.',
  },
];

export function exampleByFile(file: string): Example | undefined {
  return examples.find((e) => e.file === file);
}
