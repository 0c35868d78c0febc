// The system call table: number -> handler, and names for the trace.
import { Sys } from '../abi/defs.js';
import type { Kernel } from './kernel.js';
import type { Proc, SysResult, Syscall } from './portdat.js';
import * as P from './sysproc.js';
import * as F from './sysfile.js';
import { noted } from './trap.js';

/**
 * Plan 9 calls the kernel serves that the core does not make (yet), so they
 * stay out of defs.ts (and assembly/abi.ts) until it does: await (go
 * syscall/zsysnum_plan9.go SYS_AWAIT = 47).
 */
export const SysK = { AWAIT: 47 };

export type SysFn = (k: Kernel, p: Proc, sc: Syscall) => SysResult;

export const syscalls: Record<number, SysFn> = {
  [Sys.EXITS]: P.sysexits,
  [Sys.RFORK]: P.sysrfork,
  [Sys.SLEEP]: P.syssleep,
  [Sys.NOTIFY]: P.sysnotify,
  [Sys.NOTED]: noted,
  [Sys.NSEC]: P.sysnsec,
  [Sys.ALARM]: P.sysalarm,
  [Sys.ERRSTR]: P.syserrstr,
  [Sys.SEMACQUIRE]: P.syssemacquire,
  [Sys.TSEMACQUIRE]: P.systsemacquire,
  [Sys.SEMRELEASE]: P.syssemrelease,
  [Sys.TICK]: P.systick,
  [Sys.PROCSTART]: P.sysprocstart,
  [SysK.AWAIT]: P.sysawait,
  [Sys.OPEN]: F.sysopen,
  [Sys.CREATE]: F.syscreate,
  [Sys.CLOSE]: F.sysclose,
  [Sys.DUP]: F.sysdup,
  [Sys.PREAD]: F.syspread,
  [Sys.PWRITE]: F.syspwrite,
  [Sys.SEEK]: F.sysseek,
  [Sys.REMOVE]: F.sysremove,
  [Sys.PIPE]: F.syspipe,
};

const names = new Map<number, string>(Object.entries({ ...Sys, ...SysK }).map(([k, v]) => [v, k.toLowerCase()]));
export function sysname(num: number): string {
  return names.get(num) ?? `sys${num}`;
}
