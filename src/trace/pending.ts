// The pending-call table's line for a proc in a system call (issue 11), as
// the playground's proc table and the CLI's deadlock report show it:
//   pread(fd 5 /net/tcp/1/data, 64 bytes at the current offset) since 1.2ms,
//   in net.(*TCPConn).Read at pending.go:42, g3
import type { PendingCall } from '../../host/kernel/pending.js';
import { fmtTime } from './view.js';

/** The call, its arguments in words, since when, and the Go operation and line that made it (traced runs). */
export function pendingLine(c: PendingCall): string {
  const state = c.interruptible ? `since ${fmtTime(c.since)}` : 'returning, not interruptible';
  const where = c.file !== undefined ? ` at ${c.file.slice(c.file.lastIndexOf('/') + 1)}:${c.line}` : '';
  const go = c.op !== undefined ? `, in ${c.op}${where}` : where ? `, in ${c.func}${where}` : '';
  const g = c.goroutine ? `, g${c.goroutine}` : '';
  return `${c.name}(${c.args}) ${state}${go}${g}`;
}
