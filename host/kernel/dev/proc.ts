// #p: /proc/<pid>/{note,notepg,noteid,ctl,status} (4e port/devproc.c).
import type { Kernel } from '../kernel.js';

import { Proc, NExit, NUser } from '../portdat.js';
import { KError, Enonexist, Eperm, Eprocdied, Ebadarg, Etoobig } from '../error.js';
import { ERRMAX } from '../../abi/defs.js';
import { canread, canwrite, newChan, readstr, type Chan, type Dev } from './dev.js';
import { postnote, procinterrupt, procnointerrupt, releaseBroken, statename, writenote } from '../proc.js';
import { clearattn } from '../trap.js';

type File = 'note' | 'notepg' | 'noteid' | 'ctl' | 'status';
type ProcFile = { pid: number; file: File; noteid: number };

/** Who may do what (4e procdir's perms: note rw, notepg w, noteid rw, ctl w, status r). */
const perms: Record<File, { r: boolean; w: boolean }> = {
  note: { r: true, w: true },
  notepg: { r: false, w: true },
  noteid: { r: true, w: true },
  ctl: { r: false, w: true },
  status: { r: true, w: false },
};

function target(k: Kernel, pid: number): Proc {
  const p = k.procs.get(pid);
  if (!p || p.state === 'dead') throw new KError(Eprocdied);
  return p;
}

/**
 * A ctl message, parsed as 4e parsecmd/lookupcmd do: words split on space,
 * tab or newline (so `echo kill > ctl` works); an empty one, an unknown
 * verb or extra words fail with lookupcmd's errors, naming the message.
 * p9rt serves kill (4e) and 9front's interrupt and nointerrupt.
 */
function ctlcmd(text: string): 'kill' | 'interrupt' | 'nointerrupt' {
  const f = text.split(/[ \t\r\n]+/).filter(Boolean);
  if (f.length === 0) throw new KError('empty control message');
  const quoted = `"${f.join(' ')}"`;
  if (f[0] !== 'kill' && f[0] !== 'interrupt' && f[0] !== 'nointerrupt') throw new KError(`unknown control message ${quoted}`);
  if (f.length !== 1) throw new KError(`wrong #args in control message ${quoted}`);
  return f[0];
}

/** 4e status: name, user, state (%-27s each), six times in ms, memory, priorities (%11d each). */
function status(k: Kernel, q: Proc): string {
  const pad = (s: string) => s.slice(0, 27).padEnd(27, ' ') + ' ';
  const num = (n: number) => String(n).padStart(11, ' ') + ' ';
  const real = Number(k.clock.now() / 1000000n);
  return pad(q.text) + pad('glenda') + pad(statename(q)) + [0, 0, real, 0, 0, 0, 0, 10, 10].map(num).join('');
}

export const procdev: Dev = {
  name: 'proc',
  open(k, _p, path, mode) {
    if (path.length !== 2 || !/^[0-9]+$/.test(path[0])) throw new KError(Enonexist);
    const pid = Number(path[0]);
    const file = path[1] as File;
    if (!(file in perms)) throw new KError(Enonexist);
    const q = k.procs.get(pid);
    if (!q) throw new KError(Enonexist);
    if (q.state === 'dead') throw new KError(Eprocdied);
    const want = { r: canread(mode), w: canwrite(mode) };
    if ((want.r && !perms[file].r) || (want.w && !perms[file].w)) throw new KError(Eperm);
    // notepg remembers the group at open time (4e: c->pgrpid).
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
          q.interruptedBy = null;
          clearattn(k, q);
        }
        return note ? new TextEncoder().encode(note.text).slice(0, n) : new Uint8Array(0);
      }
      case 'status':
        return readstr(status(k, q), n, off);
      case 'noteid':
        return readstr(String(q.noteid).padStart(11, ' ') + ' ', n, off);
      default:
        throw new KError(Eperm);
    }
  },
  write(k, p, c: Chan, data) {
    const a = c.aux as ProcFile;
    const text = new TextDecoder().decode(data);
    switch (a.file) {
      case 'note':
        writenote(k, target(k, a.pid), text, p.pid);
        return data.length;
      case 'notepg': {
        // Every live proc of the group but the writer (4e pgrpnote); a full
        // queue is not an error here (the proc's own postnote result is dropped).
        if (data.length >= ERRMAX - 1) throw new KError(Etoobig);
        for (const q of k.procs.values()) {
          if (q.noteid === a.noteid && q !== p && q.state !== 'dead') postnote(k, q, text, NUser, p.pid);
        }
        return data.length;
      }
      case 'noteid': {
        // Move the proc into another existing note group (4e procwrite Qnoteid).
        const q = target(k, a.pid);
        const id = Number(text.trim());
        if (!Number.isInteger(id) || id <= 0) throw new KError(Ebadarg);
        let found = false;
        for (const t of k.procs.values()) if (t.state !== 'dead' && t.noteid === id) found = true;
        if (!found) throw new KError(Ebadarg);
        q.noteid = id;
        return data.length;
      }
      case 'ctl': {
        const q = target(k, a.pid);
        const cmd = ctlcmd(text);
        if (cmd === 'interrupt') {
          procinterrupt(k, q, p.pid);
          return data.length;
        }
        if (cmd === 'nointerrupt') {
          procnointerrupt(k, q, p.pid);
          return data.length;
        }
        // kill: a Broken proc is released; any other is killed "the next time it
        // crosses the user/kernel boundary": procctl plus the NExit note.
        if (q.state === 'broken') {
          releaseBroken(k, q);
          return data.length;
        }
        q.procctl = 'exitme';
        postnote(k, q, 'sys: killed', NExit, p.pid);
        return data.length;
      }
      default:
        throw new KError(Eperm);
    }
  },
  close() {},
};
