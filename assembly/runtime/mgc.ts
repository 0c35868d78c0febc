// The garbage collector (go runtime/mgc.go, reduced to its first version):
// non-moving mark-sweep, stop-the-world at safepoints.
//
// Stopping the world is cheap in v1: there is one P, and only the M holding
// it runs Go code, so when that M reaches a safepoint (a call or a backward
// jump, registers spilled into frame.ts's globals) no other M can change a
// Go value. Ms without the P are in system calls or the scheduler; they may
// allocate runtime records (pinned, malloc.ts) and wait on the heap lock,
// which the collector holds throughout. A kernel may be writing into the
// buffer of a system call in flight: the mailboxes' argument words are roots,
// and nothing moves.
//
// Scanning is conservative, of stacks and of objects alike: a value is one
// untyped 64-bit word (docs/bytecode.md), and runtime records mix 32-bit
// pointers with integers, so every aligned 32-bit word that points into an
// allocated object (interior pointers included: slices, &s.f, sudog.elem)
// keeps that object alive. The image's type records could make object
// scanning precise; that is a later refinement (false retention is the only
// cost of conservatism here, never a freed live object).
//
// Roots: pinned objects (the scheduler root and everything reachable from
// it: every M, G, P, timer, sudog, defer and panic record, channel, the
// globals, the os/signal queue, the program image), the live part
// [stacklo, sp) of every goroutine stack, and the mailboxes' syscall
// arguments.
import { Ctl, MemStat, MAX_PROCS, MAILBOX_BASE, MAILBOX_SIZE, Mbox, MEMORY_MAXIMUM_PAGES, PAGE } from "../abi";
import { G, Gdead, Gsyscall, gcur, schedp, Sched } from "./runtime2";
import { vsp } from "../vm/frame";
import { lock, unlock } from "./lock";
import { nanotime } from "./os_plan9";
import { throwOOM } from "./panic";
import {
  mheapRoot, rootword, spanOfPage, allocSpan, freeSpan, sw, setsw, getbit, setbit,
  PAGE_SHIFT, SPAN_SMALL, SPAN_LARGE, H_LOCK, H_ARENA, H_FRONTIER, H_MARKSTACK, H_CLASSCUR,
  H_CLASSPARTIAL, H_NCLASS, S_START, S_NPAGES, S_STATE, S_CLASS, S_ELEMSIZE, S_NELEMS, S_FREEINDEX,
  S_ALLOCCOUNT, S_NEXT, S_NPINNED, S_NEEDZERO, S_ALLOCBITS, S_MARKBITS, S_NOSCANBITS, S_PINBITS,
} from "./mheap";

const SPAN_MARKSTACK: u32 = 4;
/** The heap goal when little is live (malloc.ts): collecting a tiny heap often is waste. */
export const MIN_GOAL: u32 = 4 << 20;
const MARKSTACK_PAGES: usize = 8;
/** A goroutine in a system call may have results above its saved sp. */
const SYSCALL_SLACK: usize = 64;

// The collection's state: module globals, i.e. private to the M collecting
// (only one M collects at a time: it holds the P and the heap lock).
let arenaLo: usize = 0;
let arenaHi: usize = 0;
let stackBase: usize = 0; // mark stack: words of object addresses to scan
let stackTop: usize = 0;
let stackEnd: usize = 0;
let marked: u64 = 0;

/** The interpreter polls this at safepoints (with the mailbox ATTN word). */
// @ts-ignore: decorator
@inline export function gcwanted(): bool {
  return load<i32>(Ctl.GC_WANTED) != 0;
}

/** At a safepoint of the M holding the P: collect if the heap asked for it. */
export function gcsafepoint(): void {
  if (load<i32>(Ctl.GC_WANTED) == 0) return;
  store<i32>(Ctl.GC_WANTED, 0);
  if (load<i32>(Ctl.GC_PERCENT) < 0) return;
  gc();
}

/** runtime.GC: a full collection now (the caller is at a safepoint). */
export function gc(): void {
  if (mheapRoot() == 0) return;
  let t0 = nanotime();
  lock(mheapRoot() + H_LOCK);
  arenaLo = rootword(H_ARENA);
  arenaHi = rootword(H_FRONTIER);
  marked = 0;
  markroots();
  drain();
  sweep();
  let live = <u32>marked;
  let pct = load<i32>(Ctl.GC_PERCENT);
  if (pct <= 0) pct = 100;
  let goal = <u64>live + <u64>live * <u64>pct / 100;
  if (goal < <u64>MIN_GOAL) goal = MIN_GOAL;
  if (goal > 0xffffffff) goal = 0xffffffff;
  store<u32>(Ctl.HEAP_LIVE, live);
  store<u32>(Ctl.HEAP_GOAL, <u32>goal);
  unlock(mheapRoot() + H_LOCK);
  let pause = nanotime() - t0;
  store<i64>(Ctl.PAUSE_LAST_NS, pause);
  store<i64>(Ctl.PAUSE_TOTAL_NS, load<i64>(Ctl.PAUSE_TOTAL_NS) + pause);
  if (pause > load<i64>(Ctl.PAUSE_MAX_NS)) store<i64>(Ctl.PAUSE_MAX_NS, pause);
  atomic.add<u32>(Ctl.NUM_GC, 1);
}

// ---- mark ----------------------------------------------------------------------

function push(obj: usize): void {
  if (stackTop == stackEnd) growMarkStack();
  store<u32>(stackTop, <u32>obj);
  stackTop += 4;
}

function growMarkStack(): void {
  let old = rootword(H_MARKSTACK);
  let npages = old == 0 ? MARKSTACK_PAGES : sw(old, S_NPAGES) << 1;
  let s = allocSpan(npages, SPAN_MARKSTACK);
  if (s == 0) {
    unlock(mheapRoot() + H_LOCK);
    throwOOM(<i64>(npages << PAGE_SHIFT));
  }
  let base = sw(s, S_START);
  let used = stackTop - stackBase;
  if (used != 0) memory.copy(base, stackBase, used);
  if (old != 0) freeSpan(old);
  store<u32>(mheapRoot() + H_MARKSTACK, <u32>s);
  stackBase = base;
  stackTop = base + used;
  stackEnd = base + (npages << PAGE_SHIFT);
}

/** Mark the object v points into, if v points into one; queue it for scanning. */
function markptr(v: usize): void {
  let s = spanOfPage(v >> PAGE_SHIFT);
  if (s == 0) return;
  let st = sw(s, S_STATE);
  if (st != SPAN_SMALL && st != SPAN_LARGE) return;
  let elemsize = sw(s, S_ELEMSIZE);
  let i = (v - sw(s, S_START)) / elemsize;
  if (i >= sw(s, S_NELEMS)) return;
  if (!getbit(s, S_ALLOCBITS, i) || getbit(s, S_MARKBITS, i)) return;
  setbit(s, S_MARKBITS, i);
  marked += <u64>elemsize;
  if (!getbit(s, S_NOSCANBITS, i)) push(sw(s, S_START) + i * elemsize);
}

/** Every aligned 32-bit word in [lo, hi) that may be a pointer. */
function scanrange(lo: usize, hi: usize): void {
  let alo = arenaLo, ahi = arenaHi;
  for (let p = lo & ~(<usize>3); p + 4 <= hi; p += 4) {
    let v = <usize>load<u32>(p);
    if (v >= alo && v < ahi) markptr(v);
  }
}

function drain(): void {
  while (stackTop != stackBase) {
    stackTop -= 4;
    let obj = <usize>load<u32>(stackTop);
    let s = spanOfPage(obj >> PAGE_SHIFT);
    scanrange(obj, obj + sw(s, S_ELEMSIZE));
  }
}

function markroots(): void {
  let ms = rootword(H_MARKSTACK);
  if (ms != 0) {
    stackBase = sw(ms, S_START);
    stackEnd = stackBase + (sw(ms, S_NPAGES) << PAGE_SHIFT);
  } else {
    stackBase = stackEnd = 0;
  }
  stackTop = stackBase;
  // pinned objects
  let p = arenaLo >> PAGE_SHIFT;
  let pend = arenaHi >> PAGE_SHIFT;
  while (p < pend) {
    let s = spanOfPage(p);
    if (s == 0) {
      p++;
      continue;
    }
    let start = sw(s, S_START);
    let st = sw(s, S_STATE);
    if ((st == SPAN_SMALL || st == SPAN_LARGE) && sw(s, S_NPINNED) != 0) {
      let n = sw(s, S_NELEMS), size = sw(s, S_ELEMSIZE);
      for (let i: usize = 0; i < n; i++) {
        if (getbit(s, S_PINBITS, i)) markptr(start + i * size);
      }
    }
    p = (start >> PAGE_SHIFT) + sw(s, S_NPAGES);
  }
  drain();
  // goroutine stacks, each up to its sp (the running one: the live register)
  if (schedp != 0) {
    let g = changetype<Sched>(schedp).allg;
    while (g != 0) {
      let gp = changetype<G>(g);
      if (gp.status != Gdead && gp.stacklo != 0) {
        let sp = g == gcur ? vsp : gp.sp;
        if (gp.status == Gsyscall) sp += SYSCALL_SLACK;
        if (sp > gp.stackhi) sp = gp.stackhi;
        if (sp > gp.stacklo) scanrange(gp.stacklo, sp);
        drain();
      }
      g = gp.alllink;
    }
  }
  // buffers of system calls in flight
  let npids = atomic.load<i32>(Ctl.NPIDS);
  if (npids > MAX_PROCS) npids = MAX_PROCS;
  for (let pid = 0; pid < npids; pid++) {
    let mb = <usize>MAILBOX_BASE + <usize>pid * <usize>MAILBOX_SIZE;
    scanrange(mb + Mbox.ARGS, mb + Mbox.ARGS + 48);
  }
}

// ---- sweep ---------------------------------------------------------------------

/**
 * Objects not marked are free again (their alloc bit is the mark bit);
 * spans left empty go back to the page heap; spans with free slots are
 * queued on their class's partial list.
 */
function sweep(): void {
  let root = mheapRoot();
  let ncls = rootword(H_NCLASS);
  for (let c: usize = 0; c < ncls; c++) store<u32>(root + H_CLASSPARTIAL + (c << 2), 0);
  let freed: u64 = 0;
  let p = arenaLo >> PAGE_SHIFT;
  let pend = arenaHi >> PAGE_SHIFT;
  while (p < pend) {
    let s = spanOfPage(p);
    if (s == 0) {
      p++;
      continue;
    }
    let start = sw(s, S_START);
    let next = (start >> PAGE_SHIFT) + sw(s, S_NPAGES);
    let st = sw(s, S_STATE);
    if (st == SPAN_LARGE) {
      if (!getbit(s, S_MARKBITS, 0)) {
        freed += <u64>sw(s, S_ELEMSIZE);
        freeSpan(s);
      } else store<u8>(s + S_MARKBITS, 0);
    } else if (st == SPAN_SMALL) {
      let n = sw(s, S_NELEMS);
      let nbytes = (n + 7) >> 3;
      let count: usize = 0;
      for (let b: usize = 0; b < nbytes; b++) {
        let m = load<u8>(s + S_MARKBITS + b);
        store<u8>(s + S_ALLOCBITS + b, m);
        store<u8>(s + S_MARKBITS + b, 0);
        count += <usize>popcnt<u32>(<u32>m);
      }
      let was = sw(s, S_ALLOCCOUNT);
      let size = sw(s, S_ELEMSIZE);
      freed += <u64>(was - count) * <u64>size;
      let c = sw(s, S_CLASS);
      let curp = root + H_CLASSCUR + (c << 2);
      if (count == 0) {
        if (<usize>load<u32>(curp) == s) store<u32>(curp, 0);
        freeSpan(s);
      } else {
        setsw(s, S_ALLOCCOUNT, count);
        setsw(s, S_FREEINDEX, 0);
        if (count != was) setsw(s, S_NEEDZERO, 1);
        if (count < n && <usize>load<u32>(curp) != s) {
          let partp = root + H_CLASSPARTIAL + (c << 2);
          setsw(s, S_NEXT, <usize>load<u32>(partp));
          store<u32>(partp, <u32>s);
        }
      }
    }
    p = next;
  }
  atomic.sub<u32>(Ctl.HEAP_ALLOC, <u32>freed);
}

// ---- statistics and GOGC ------------------------------------------------------------

/** runtime.memstat(i): the statistic MemStat i (defs.ts) for runtime.ReadMemStats. */
export function memstat(i: i32): i64 {
  switch (i) {
    case MemStat.HEAP_ALLOC: return <i64>atomic.load<u32>(Ctl.HEAP_ALLOC);
    case MemStat.TOTAL_ALLOC: return atomic.load<i64>(Ctl.TOTAL_ALLOC);
    case MemStat.HEAP_SYS: return <i64>atomic.load<u32>(Ctl.HEAP_SYS);
    case MemStat.NEXT_GC: {
      let g = atomic.load<u32>(Ctl.HEAP_GOAL);
      return <i64>(g == 0 ? MIN_GOAL : g);
    }
    case MemStat.NUM_GC: return <i64>atomic.load<u32>(Ctl.NUM_GC);
    case MemStat.PAUSE_TOTAL_NS: return atomic.load<i64>(Ctl.PAUSE_TOTAL_NS);
    case MemStat.PAUSE_MAX_NS: return atomic.load<i64>(Ctl.PAUSE_MAX_NS);
    case MemStat.PAUSE_LAST_NS: return atomic.load<i64>(Ctl.PAUSE_LAST_NS);
    case MemStat.HEAP_LIVE: return <i64>atomic.load<u32>(Ctl.HEAP_LIVE);
    case MemStat.FRONTIER: {
      let h = mheapRoot();
      return h == 0 ? 0 : <i64>(atomic.load<u32>(Ctl.HEAP_CURSOR) - rootword(H_ARENA));
    }
  }
  return 0;
}

/** debug.SetGCPercent: GOGC from now on; returns the previous setting. */
export function setGCPercent(pct: i32): i32 {
  // 0 in the Ctl word means "unset" (100); GOGC=0 is kept as 1: collect constantly.
  let old = atomic.xchg<i32>(Ctl.GC_PERCENT, pct == 0 ? 1 : pct);
  return old == 0 ? 100 : old;
}
