// The device interface and the namespace: which device serves a path.
// Plan 9 walks a mount table; this kernel has one fixed namespace
// (docs/abi.md "Files a program opens").
import type { Kernel } from '../kernel.js';
import { Block, Proc } from '../portdat.js';
import { KError, Enonexist, Ebadfd } from '../error.js';
import { OMode } from '../../abi/defs.js';

/** The access part of an open mode: its two low bits, OREAD..OEXEC (4e openmode). */
export function accessmode(mode: number): number {
  return mode & 3;
}

/** May a Chan opened with mode be read (OREAD, ORDWR, OEXEC) or written (OWRITE, ORDWR)? */
export function canread(mode: number): boolean {
  const a = accessmode(mode);
  return a === OMode.OREAD || a === OMode.ORDWR || a === OMode.OEXEC;
}
export function canwrite(mode: number): boolean {
  const a = accessmode(mode);
  return a === OMode.OWRITE || a === OMode.ORDWR;
}

export interface Chan {
  dev: Dev;
  /** The name it was opened by, for errors and /proc status. */
  name: string;
  mode: number;
  offset: bigint;
  /** Device-specific: which file of the device, which conversation, ... */
  aux: any;
  /** Open references (dup shares a Chan). */
  ref: number;
}

export interface Dev {
  readonly name: string;
  /** Open the file at path (already split at '/'). May block (tcp listen). */
  open(k: Kernel, p: Proc, path: string[], mode: number): Chan | Block;
  read(k: Kernel, p: Proc, c: Chan, n: number, off: bigint): Uint8Array | Block;
  write(k: Kernel, p: Proc, c: Chan, data: Uint8Array, off: bigint): number | Block;
  close(k: Kernel, c: Chan): void;
  /** The file's length, for seek from the end; devices without one are streams (0). */
  length?(c: Chan): bigint;
}

export function newChan(dev: Dev, name: string, mode: number, aux: unknown): Chan {
  return { dev, name, mode, offset: 0n, aux, ref: 1 };
}

/** The fd table. Go's Ms rfork without RFFDG, so every proc of a program shares one. */
export class Fgrp {
  fd: (Chan | null)[] = [];

  get(n: number): Chan {
    const c = n >= 0 && n < this.fd.length ? this.fd[n] : null;
    if (!c) throw new KError(Ebadfd);
    return c;
  }

  /** The lowest free slot, as Plan 9's newfd. */
  add(c: Chan): number {
    let i = this.fd.indexOf(null);
    if (i < 0) i = this.fd.length;
    this.fd[i] = c;
    return i;
  }
}

/** Map a path to its device and the device-relative path. */
export function namec(k: Kernel, path: string): { dev: Dev; rest: string[] } {
  let parts: string[];
  if (path.startsWith('#c')) parts = ['dev', ...path.slice(2).split('/')];
  else if (path.startsWith('#p')) parts = ['proc', ...path.slice(2).split('/')];
  else if (path.startsWith('#I')) parts = ['net', ...path.slice(2).split('/')];
  else parts = path.split('/');
  parts = parts.filter((s) => s !== '' && s !== '.');
  const dev = k.devs.get(parts[0] ?? '');
  // Everything outside the devices is the kernel's file tree.
  if (!dev) return { dev: k.devs.get('')!, rest: parts };
  return { dev, rest: parts.slice(1) };
}

/** Serve the bytes of a small text file at an offset, as Plan 9's readstr. */
export function readstr(s: string, n: number, off: bigint): Uint8Array {
  const b = new TextEncoder().encode(s);
  const o = Number(off);
  if (o >= b.length) return new Uint8Array(0);
  return b.slice(o, Math.min(b.length, o + n));
}
