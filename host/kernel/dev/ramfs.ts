// The file tree a program sees outside /dev, /proc and /net: files and
// directories in kernel memory (4e's ramfs in spirit). The kernel is single
// threaded, so this is plain TS objects. / and /tmp exist at boot.
import type { Kernel } from '../kernel.js';
import { KError, Enonexist, Eperm } from '../proc.js';
import { newChan, type Chan, type Dev } from './dev.js';

export const DMDIR = 0x80000000;
const OTRUNC = 16;
const OEXCL = 0x1000;

export class RNode {
  children = new Map<string, RNode>();
  data = new Uint8Array(0);
  len = 0;
  constructor(readonly name: string, readonly dir: boolean, public parent: RNode | null) {}

  truncate(): void {
    this.data = new Uint8Array(0);
    this.len = 0;
  }
}

export class Ramfs {
  readonly root = new RNode('/', true, null);
  constructor() {
    this.root.children.set('tmp', new RNode('tmp', true, this.root));
  }

  walk(path: string[]): RNode | null {
    let n: RNode | null = this.root;
    for (const s of path) {
      if (!n || !n.dir) return null;
      n = s === '..' ? n.parent ?? n : n.children.get(s) ?? null;
    }
    return n;
  }
}

type RFile = { node: RNode };

function checkOpen(n: RNode, mode: number): void {
  const rw = mode & 3;
  if (n.dir && rw !== 0) throw new KError('is a directory');
}

export const ramdev: Dev = {
  name: 'ramfs',
  open(k: Kernel, _p, path, mode) {
    const n = k.ramfs.walk(path);
    if (!n) throw new KError(Enonexist);
    checkOpen(n, mode);
    if (mode & OTRUNC) {
      if ((mode & 3) === 0) throw new KError(Eperm);
      n.truncate();
    }
    return newChan(ramdev, '/' + path.join('/'), mode, { node: n } satisfies RFile);
  },
  read(_k, _p, c: Chan, n: number, off: bigint) {
    const f = (c.aux as RFile).node;
    if (f.dir) throw new KError('is a directory');
    const o = Number(off);
    if (o >= f.len) return new Uint8Array(0);
    return f.data.slice(o, Math.min(f.len, o + n));
  },
  write(_k, _p, c: Chan, data: Uint8Array, off: bigint) {
    const f = (c.aux as RFile).node;
    const o = Number(off);
    const end = o + data.length;
    if (end > f.data.length) {
      const grown = new Uint8Array(Math.max(end, f.data.length * 2, 64));
      grown.set(f.data.subarray(0, f.len));
      f.data = grown;
    }
    f.data.set(data, o);
    if (end > f.len) f.len = end;
    return data.length;
  },
  close() {},
  length(c: Chan) {
    return BigInt((c.aux as RFile).node.len);
  },
};

/** create(2): make (or truncate) the file; DMDIR in perm makes a directory. */
export function ramcreate(k: Kernel, path: string[], mode: number, perm: number): Chan {
  if (path.length === 0) throw new KError('file already exists');
  const dir = k.ramfs.walk(path.slice(0, -1));
  if (!dir) throw new KError(Enonexist);
  if (!dir.dir) throw new KError('not a directory');
  const name = path[path.length - 1];
  let n = dir.children.get(name);
  if (n) {
    if (mode & OEXCL || n.dir || (perm & DMDIR) !== 0) throw new KError('file already exists');
    n.truncate();
  } else {
    n = new RNode(name, (perm & DMDIR) !== 0, dir);
    dir.children.set(name, n);
  }
  checkOpen(n, mode);
  return newChan(ramdev, '/' + path.join('/'), mode & ~OTRUNC, { node: n } satisfies RFile);
}

export function ramremove(k: Kernel, path: string[]): void {
  const n = k.ramfs.walk(path);
  if (!n) throw new KError(Enonexist);
  if (!n.parent) throw new KError(Eperm);
  if (n.dir && n.children.size > 0) throw new KError('directory not empty');
  n.parent.children.delete(n.name);
}
