// The file tree a program sees outside /dev, /proc and /net (os.Open,
// os.Create, os.ReadFile, os.WriteFile, os.Remove): @wasmer/wasi's MemFS,
// owned by the kernel worker. A MemFS cannot cross threads
// (docs/toolchain.md), which suits the kernel: one thread owns every file.
// Its wasm must be initialised once per thread before the first MemFS:
// the kernel worker awaits initRamfs() before it boots. / and /tmp exist at
// boot; the host may preload files (Machine.start `files`, CLI --file).
import { init, MemFS } from '@wasmer/wasi';
import type { Kernel } from '../kernel.js';
import { KError, Enonexist, Eperm, Eexist, Eisdir, Enotdir, Enotempty } from '../error.js';
import { accessmode, newChan, type Chan, type Dev } from './dev.js';
import { OMode } from '../../abi/defs.js';
import { provideBuffer } from '../../platform/index.js';

export const DMDIR = 0x80000000;

type VFile = ReturnType<MemFS['open']>;

let ready: Promise<void> | null = null;
/** Compile MemFS's wasm in this thread (once). */
export function initRamfs(): Promise<void> {
  provideBuffer(); // a browser has no Buffer; init() needs Buffer.from
  ready ??= init();
  return ready;
}

/** The path parts as an absolute MemFS path, ".." resolved ("/" for none). */
function abs(path: string[]): string {
  const out: string[] = [];
  for (const s of path) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return '/' + out.join('/');
}

export class Ramfs {
  readonly fs = new MemFS();
  constructor() {
    this.fs.createDir('/tmp');
  }

  /** 'dir', 'file', or null when nothing is there. */
  kind(path: string): 'dir' | 'file' | null {
    if (path === '/') return 'dir';
    try {
      const m = this.fs.metadata(path) as { filetype: { dir: boolean } };
      return m.filetype.dir ? 'dir' : 'file';
    } catch {
      return null;
    }
  }

  /**
   * Open an existing file. MemFS's open is always given `create` (toolchain
   * facts: opening without it can fail), so existence is checked first.
   */
  openfile(path: string): VFile {
    return this.fs.open(path, { read: true, write: true, create: true });
  }

  /** Make the parent directories of path, then the file with its bytes (host preloading). */
  preload(path: string, data: Uint8Array): void {
    const parts = abs(path.split('/')).split('/').filter(Boolean);
    let dir = '';
    for (const s of parts.slice(0, -1)) {
      dir += '/' + s;
      if (this.kind(dir) === null) this.fs.createDir(dir);
      else if (this.kind(dir) !== 'dir') throw new Error(`--file ${path}: ${dir} is a file`);
    }
    const f = this.openfile('/' + parts.join('/'));
    f.setLength(0n);
    f.write(data);
  }
}

type RFile = { path: string; dir: boolean; f: VFile | null };

function rfile(k: Kernel, path: string, mode: number): RFile {
  const kind = k.ramfs.kind(path);
  if (kind === null) throw new KError(Enonexist);
  if (kind === 'dir') {
    if (accessmode(mode) !== OMode.OREAD || mode & OMode.OTRUNC) throw new KError(Eisdir);
    return { path, dir: true, f: null };
  }
  return { path, dir: false, f: k.ramfs.openfile(path) };
}

export const ramdev: Dev = {
  name: 'ramfs',
  open(k: Kernel, _p, path, mode) {
    const name = abs(path);
    const r = rfile(k, name, mode);
    if (mode & OMode.OTRUNC) {
      if (accessmode(mode) === OMode.OREAD) throw new KError(Eperm);
      r.f!.setLength(0n);
    }
    return newChan(ramdev, name, mode & ~OMode.OTRUNC, r);
  },
  read(k, _p, c: Chan, n: number, off: bigint) {
    const r = c.aux as RFile;
    if (r.dir) {
      // Directory reads return the names, one a line (Plan 9 returns stat records; Go's subset never reads dirs).
      const names = (k.ramfs.fs.readDir(r.path) as { path: string }[]).map((e) => e.path.split('/').pop() + '\n');
      const b = new TextEncoder().encode(names.join(''));
      return b.slice(Number(off), Number(off) + n);
    }
    const f = r.f!;
    if (off >= f.size()) return new Uint8Array(0);
    f.seek(Number(off));
    return f.read().slice(0, n);
  },
  write(_k, _p, c: Chan, data: Uint8Array, off: bigint) {
    const r = c.aux as RFile;
    if (r.dir) throw new KError(Eisdir);
    const f = r.f!;
    // MemFS does not fill a hole past the end: extend with zeros first, as Plan 9 does.
    if (off > f.size()) f.setLength(off);
    f.seek(Number(off));
    f.write(data);
    return data.length;
  },
  close() {},
  length(c: Chan) {
    const r = c.aux as RFile;
    return r.f ? r.f.size() : 0n;
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
    r.f!.setLength(0n);
    return newChan(ramdev, name, mode & ~OMode.OTRUNC, r);
  }
  if (wantdir) {
    k.ramfs.fs.createDir(name);
    return newChan(ramdev, name, mode & ~OMode.OTRUNC, rfile(k, name, mode - accessmode(mode)) /* its access as OREAD */);
  }
  const f = k.ramfs.openfile(name);
  return newChan(ramdev, name, mode & ~OMode.OTRUNC, { path: name, dir: false, f } satisfies RFile);
}

export function ramremove(k: Kernel, path: string[]): void {
  const name = abs(path);
  if (name === '/') throw new KError(Eperm);
  const kind = k.ramfs.kind(name);
  if (kind === null) throw new KError(Enonexist);
  try {
    if (kind === 'dir') k.ramfs.fs.removeDir(name);
    else k.ramfs.fs.removeFile(name);
  } catch (e) {
    if (String(e).includes('not empty')) throw new KError(Enotempty);
    throw new KError(String(e));
  }
}
