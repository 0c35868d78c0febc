// The file system calls (4e port/sysfile.c) over the fixed namespace of dev/dev.ts.
import type { Kernel } from './kernel.js';
import { Block, Proc, type SysResult, type Syscall } from './portdat.js';
import { KError, Ebadusefd, Ebadarg } from './error.js';
import { canread, canwrite, namec, type Chan } from './dev/dev.js';
import { OMode } from '../abi/defs.js';
import { ramcreate, ramdev, ramremove } from './dev/ramfs.js';
import { newpipe } from './dev/pipe.js';

function path(k: Kernel, sc: Syscall): string {
  return k.string(sc.args[0], sc.args[1]);
}

function open(k: Kernel, p: Proc, sc: Syscall, mode: number): SysResult {
  const { dev, rest } = namec(k, path(k, sc));
  const c = dev.open(k, p, rest, mode);
  if (c instanceof Block) return c;
  return BigInt(p.fgrp.add(c));
}

export function sysopen(k: Kernel, p: Proc, sc: Syscall): SysResult {
  return open(k, p, sc, Number(sc.args[2]));
}

export function syscreate(k: Kernel, p: Proc, sc: Syscall): SysResult {
  const { dev, rest } = namec(k, path(k, sc));
  // Device files exist already: create opens them (and truncates nothing).
  if (dev !== ramdev) return open(k, p, sc, Number(sc.args[2]) & ~OMode.OTRUNC);
  return BigInt(p.fgrp.add(ramcreate(k, rest, Number(sc.args[2]), Number(sc.args[3]))));
}

export function sysremove(k: Kernel, _p: Proc, sc: Syscall): SysResult {
  const { dev, rest } = namec(k, path(k, sc));
  if (dev !== ramdev) throw new KError('permission denied');
  ramremove(k, rest);
  return 0n;
}

/** pipe(fd[2]): the kernel writes the two fds as little-endian i64 words. */
export function syspipe(k: Kernel, p: Proc, sc: Syscall): SysResult {
  const [a, b] = newpipe();
  const fa = p.fgrp.add(a);
  const fb = p.fgrp.add(b);
  const out = new Uint8Array(16);
  const dv = new DataView(out.buffer);
  dv.setBigInt64(0, BigInt(fa), true);
  dv.setBigInt64(8, BigInt(fb), true);
  k.copyout(sc.args[0], out);
  return 0n;
}

export function sysclose(k: Kernel, p: Proc, sc: Syscall): SysResult {
  const n = Number(sc.args[0]);
  const c = p.fgrp.get(n);
  p.fgrp.fd[n] = null;
  cclose(k, c);
  return 0n;
}

export function cclose(k: Kernel, c: Chan): void {
  if (--c.ref === 0) c.dev.close(k, c);
}

export function sysdup(_k: Kernel, p: Proc, sc: Syscall): SysResult {
  const old = Number(sc.args[0]);
  const nfd = Number(sc.args[1]);
  const c = p.fgrp.get(old);
  c.ref++;
  if (nfd < 0) return BigInt(p.fgrp.add(c));
  const prev = p.fgrp.fd[nfd];
  while (p.fgrp.fd.length <= nfd) p.fgrp.fd.push(null);
  p.fgrp.fd[nfd] = c;
  if (prev) prev.ref--;
  return BigInt(nfd);
}

/**
 * Plan 9's fdtochan for a call that may sleep: the fd is resolved once and
 * the call holds a reference to its Chan until it returns (Kernel.done
 * drops it), so a close of the fd by another proc meanwhile neither
 * releases the file nor wakes the call (go.dev/issue/72770: a UDP read
 * stays blocked through Close until a note interrupts it).
 */
function callchan(p: Proc, sc: Syscall, fd: bigint): Chan {
  let c = sc.x.chan as Chan | undefined;
  if (!c) {
    c = p.fgrp.get(Number(fd));
    c.ref++;
    sc.x.chan = c;
  }
  return c;
}

/** pread: an interrupted read consumes nothing (the device returns a Block before taking data). */
export function syspread(k: Kernel, p: Proc, sc: Syscall): SysResult {
  const [fd, buf, n, off] = sc.args;
  const c = callchan(p, sc, fd);
  if (!canread(c.mode)) throw new KError(Ebadusefd);
  if (n < 0n) throw new KError(Ebadarg);
  const useoff = off === -1n ? c.offset : off;
  const r = c.dev.read(k, p, c, Number(n), useoff);
  if (r instanceof Block) return r;
  k.copyout(buf, r);
  if (off === -1n) c.offset += BigInt(r.length);
  return BigInt(r.length);
}

/** pwrite: the bytes are copied once, at the first attempt, so a retried write sends what the caller passed. */
export function syspwrite(k: Kernel, p: Proc, sc: Syscall): SysResult {
  const [fd, buf, n, off] = sc.args;
  const c = callchan(p, sc, fd);
  if (!canwrite(c.mode)) throw new KError(Ebadusefd);
  if (n < 0n) throw new KError(Ebadarg);
  if (!sc.x.data) sc.x.data = k.copyin(buf, n);
  const useoff = off === -1n ? c.offset : off;
  const r = c.dev.write(k, p, c, sc.x.data as Uint8Array, useoff);
  if (r instanceof Block) return r;
  if (off === -1n) c.offset += BigInt(r);
  return BigInt(r);
}

export function sysseek(_k: Kernel, p: Proc, sc: Syscall): SysResult {
  const [fd, off, type] = sc.args;
  const c = p.fgrp.get(Number(fd));
  switch (Number(type)) {
    case 0: c.offset = off; break;
    case 1: c.offset += off; break;
    case 2: c.offset = (c.dev.length?.(c) ?? 0n) + off; break;
    default: throw new KError(Ebadarg);
  }
  if (c.offset < 0n) {
    c.offset = 0n;
    throw new KError('negative i/o offset');
  }
  return c.offset;
}
