// #p: /proc/<pid>/{note,notepg,ctl,status} (4e port/devproc.c).
import type { Kernel } from '../kernel.js';
import { KError, Proc, Enonexist, Eperm, NExit } from '../proc.js';
import { newChan, readstr, type Chan, type Dev } from './dev.js';

type ProcFile = { pid: number; file: 'note' | 'notepg' | 'ctl' | 'status'; noteid: number };

function target(k: Kernel, pid: number): Proc {
  const p = k.procs.get(pid);
  if (!p || p.state === 'dead') throw new KError('process exited');
  return p;
}

export const procdev: Dev = {
  name: 'proc',
  open(k, _p, path, mode) {
    if (path.length !== 2 || !/^[0-9]+$/.test(path[0])) throw new KError(Enonexist);
    const pid = Number(path[0]);
    const file = path[1];
    if (file !== 'note' && file !== 'notepg' && file !== 'ctl' && file !== 'status') throw new KError(Enonexist);
    const q = k.procs.get(pid);
    if (!q) throw new KError(Enonexist);
    if (q.state === 'dead') throw new KError('process exited');
    // notepg is write only and remembers the group at open time.
    if (file === 'notepg' && (mode & 3) !== 1) throw new KError(Eperm);
    return newChan(procdev, `/proc/${pid}/${file}`, mode, { pid, file, noteid: q.noteid } satisfies ProcFile);
  },
  read(k, _p, c, n, off) {
    const a = c.aux as ProcFile;
    const q = target(k, a.pid);
    switch (a.file) {
      case 'note': {
        // Reading takes the oldest pending note out: it is never delivered.
        const note = q.notes.shift();
        if (q.notes.length === 0) {
          q.notepending = false;
          k.clearattn(q);
        }
        return note ? new TextEncoder().encode(note.text).slice(0, n) : new Uint8Array(0);
      }
      case 'status':
        return readstr(`p9rt ${q.pid} ${q.state}\n`, n, off);
      default:
        throw new KError(Eperm);
    }
  },
  write(k, p, c: Chan, data) {
    const a = c.aux as ProcFile;
    const text = new TextDecoder().decode(data);
    switch (a.file) {
      case 'note':
        k.writenote(target(k, a.pid), text, p.pid);
        return data.length;
      case 'notepg': {
        // Every proc of the group but the writer (4e pgrpnote); a full queue is not an error here.
        if (data.length >= 127) throw new KError('read or write too large');
        for (const q of k.procs.values()) {
          if (q.noteid === a.noteid && q !== p && q.state !== 'dead') k.postnote(q, text, 0, p.pid);
        }
        return data.length;
      }
      case 'ctl': {
        const q = target(k, a.pid);
        if (text.trim() === 'kill') {
          // "kill the process the next time it crosses the user/kernel boundary".
          q.procctl = 'exitme';
          k.postnote(q, 'sys: killed', NExit, p.pid);
          return data.length;
        }
        throw new KError('bad control message');
      }
      default:
        throw new KError(Eperm);
    }
  },
  close() {},
};
