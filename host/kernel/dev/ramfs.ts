// The file tree a program sees outside /dev, /proc and /net (os.Open,
// os.Create, os.ReadFile, os.WriteFile, os.Remove), kept by the kernel
// worker in its own memory. / and /tmp exist at boot; the host may preload
// files (Machine.start `files`, CLI --file).
import type { Kernel } from '../kernel.js';
import { KError, Enonexist, Eperm, Eexist, Eisdir, Enotdir, Enotempty, Etoobig } from '../error.js';
import { accessmode, newChan, type Chan, type Dev } from './dev.js';
import { OMode } from '../../abi/defs.js';

export const DMDIR = 0x80000000;

/**
 * The largest file the tree keeps: 1 GiB, the default heap a run may have. A
 * write past it fails with Etoobig rather than asking the kernel worker for
 * memory it cannot have (a pwrite at offset 2^40 would otherwise end the
 * kernel, not the program's write).
 */
const RAMFILE_MAX = 1 << 30;

/**
 * A file's bytes: a buffer that grows by doubling, of which the first `size`
 * bytes are the file. An open chan holds the RamFile itself, so a file removed
 * while open stays readable through it, as with Plan 9's ramfs(4).
 */
export class RamFile {
  private buf = new Uint8Array(0);
  size = 0;

  read(off: number, n: number): Uint8Array {
    if (off >= this.size) return new Uint8Array(0);
    return this.buf.slice(off, Math.min(this.size, off + n));
  }

  /** Write at off; a hole before off reads as zeros. */
  write(off: number, data: Uint8Array): void {
    if (off + data.length > RAMFILE_MAX) throw new KError(Etoobig);
    this.setLength(Math.max(this.size, off + data.length));
    this.buf.set(data, off);
  }

  /** Truncate or extend (with zeros) to n bytes. */
  setLength(n: number): void {
    if (n > this.buf.length) {
      const grown = new Uint8Array(Math.max(n, this.buf.length * 2, 64));
      grown.set(this.buf.subarray(0, this.size));
      this.buf = grown;
    } else if (n < this.size) {
      this.buf.fill(0, n, this.size); // a later extension must read zeros there
    }
    this.size = n;
  }
}

/** A directory: its entries by name. */
class RamDir {
  readonly entries = new Map<string, RamDir | RamFile>();
}

/** The path parts as an absolute path, ".." resolved ("/" for none). */
function abs(path: string[]): string {
  const out: string[] = [];
  for (const s of path) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return '/' + out.join('/');
}

/** "/a/b/c" as its parent's path and its own name. */
function split(path: string): [string, string] {
  const i = path.lastIndexOf('/');
  return [path.slice(0, i) || '/', path.slice(i + 1)];
}

/**
 * The file tree a program sees outside /dev, /proc and /net: a tree of
 * directories and files in the kernel's own memory. It belongs to the kernel
 * worker, like every other piece of kernel state; / and /tmp exist at boot.
 */
export class Ramfs {
  private readonly root = new RamDir();
  constructor() {
    this.root.entries.set('tmp', new RamDir());
  }

  /** What is at an absolute path, or null. */
  lookup(path: string): RamDir | RamFile | null {
    let at: RamDir | RamFile = this.root;
    for (const name of path.split('/')) {
      if (name === '') continue;
      if (!(at instanceof RamDir)) return null;
      const next = at.entries.get(name);
      if (next === undefined) return null;
      at = next;
    }
    return at;
  }

  /** 'dir', 'file', or null when nothing is there. */
  kind(path: string): 'dir' | 'file' | null {
    const n = this.lookup(path);
    return n === null ? null : n instanceof RamDir ? 'dir' : 'file';
  }

  /** The names in a directory, sorted. */
  names(path: string): string[] {
    const d = this.lookup(path);
    return d instanceof RamDir ? [...d.entries.keys()].sort() : [];
  }

  /** Make (or find) the file at path; its parent must be a directory. */
  makefile(path: string): RamFile {
    const n = this.lookup(path);
    if (n instanceof RamFile) return n;
    if (n !== null) throw new KError(Eisdir);
    const [parent, name] = split(path);
    const d = this.lookup(parent);
    if (d === null) throw new KError(Enonexist);
    if (!(d instanceof RamDir)) throw new KError(Enotdir);
    const f = new RamFile();
    d.entries.set(name, f);
    return f;
  }

  /** Make an empty directory at path (its parent must exist). */
  makedir(path: string): void {
    const [parent, name] = split(path);
    const d = this.lookup(parent);
    if (!(d instanceof RamDir)) throw new KError(d === null ? Enonexist : Enotdir);
    d.entries.set(name, new RamDir());
  }

  /** Remove a file or an empty directory. */
  remove(path: string): void {
    const n = this.lookup(path);
    if (n === null) throw new KError(Enonexist);
    if (n instanceof RamDir && n.entries.size > 0) throw new KError(Enotempty);
    const [parent, name] = split(path);
    (this.lookup(parent) as RamDir).entries.delete(name);
  }

  /** Make the parent directories of path, then the file with its bytes (host preloading). */
  preload(path: string, data: Uint8Array): void {
    const parts = abs(path.split('/')).split('/').filter(Boolean);
    let dir = '';
    for (const s of parts.slice(0, -1)) {
      dir += '/' + s;
      const kind = this.kind(dir);
      if (kind === null) this.makedir(dir);
      else if (kind !== 'dir') throw new Error(`--file ${path}: ${dir} is a file`);
    }
    const f = this.makefile('/' + parts.join('/'));
    f.setLength(0);
    f.write(0, data);
  }
}

type RFile = { path: string; dir: boolean; f: RamFile | null };

function rfile(k: Kernel, path: string, mode: number): RFile {
  const kind = k.ramfs.kind(path);
  if (kind === null) throw new KError(Enonexist);
  if (kind === 'dir') {
    if (accessmode(mode) !== OMode.OREAD || mode & OMode.OTRUNC) throw new KError(Eisdir);
    return { path, dir: true, f: null };
  }
  return { path, dir: false, f: k.ramfs.makefile(path) };
}

export const ramdev: Dev = {
  name: 'ramfs',
  open(k: Kernel, _p, path, mode) {
    const name = abs(path);
    const r = rfile(k, name, mode);
    if (mode & OMode.OTRUNC) {
      if (accessmode(mode) === OMode.OREAD) throw new KError(Eperm);
      r.f!.setLength(0);
    }
    return newChan(ramdev, name, mode & ~OMode.OTRUNC, r);
  },
  read(k, _p, c: Chan, n: number, off: bigint) {
    const r = c.aux as RFile;
    if (r.dir) {
      // Directory reads return the names, one a line (Plan 9 returns stat records; Go's subset never reads dirs).
      const b = new TextEncoder().encode(k.ramfs.names(r.path).map((name) => name + '\n').join(''));
      return b.slice(Number(off), Number(off) + n);
    }
    return r.f!.read(Number(off), n);
  },
  write(_k, _p, c: Chan, data: Uint8Array, off: bigint) {
    const r = c.aux as RFile;
    if (r.dir) throw new KError(Eisdir);
    r.f!.write(Number(off), data); // a hole past the end reads as zeros, as in Plan 9
    return data.length;
  },
  close() {},
  length(c: Chan) {
    const r = c.aux as RFile;
    return BigInt(r.f ? r.f.size : 0);
  },
};

/** create(2): make (or truncate) the file; DMDIR in perm makes a directory. */
export function ramcreate(k: Kernel, path: string[], mode: number, perm: number): Chan {
  const name = abs(path);
  if (name === '/') throw new KError(Eexist);
  const parent = name.slice(0, name.lastIndexOf('/')) || '/';
  const pk = k.ramfs.kind(parent);
  if (pk === null) throw new KError(Enonexist);
  if (pk !== 'dir') throw new KError(Enotdir);
  const kind = k.ramfs.kind(name);
  const wantdir = (perm & DMDIR) !== 0;
  if (kind !== null) {
    if (mode & OMode.OEXCL || kind === 'dir' || wantdir) throw new KError(Eexist);
    const r = rfile(k, name, mode);
    r.f!.setLength(0);
    return newChan(ramdev, name, mode & ~OMode.OTRUNC, r);
  }
  if (wantdir) {
    k.ramfs.makedir(name);
    return newChan(ramdev, name, mode & ~OMode.OTRUNC, rfile(k, name, mode - accessmode(mode)) /* its access as OREAD */);
  }
  const f = k.ramfs.makefile(name);
  return newChan(ramdev, name, mode & ~OMode.OTRUNC, { path: name, dir: false, f } satisfies RFile);
}

export function ramremove(k: Kernel, path: string[]): void {
  const name = abs(path);
  if (name === '/') throw new KError(Eperm);
  k.ramfs.remove(name);
}
