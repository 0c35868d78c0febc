// The one definition of everything the kernel (TypeScript) and the core
// (AssemblyScript) must agree on: Plan 9 constants, syscall numbers, the
// shared-memory map, the syscall mailbox, the note table, trace event kinds
// and the bytecode opcodes.
//
// Rules for this file, so tools/genabi.mjs can generate assembly/abi.ts:
//   - only `export const NAME = <integer>` and `export const NAME = { KEY: <integer>, ... }`
//     (emitted as AssemblyScript consts and namespaces of i32 consts), and
//   - `export const NOTE_TABLE` (emitted as byte data).
// Nothing here may be edited in assembly/abi.ts; tests/node/abi.test.mjs fails
// when the generated copy is stale.

// ---- Plan 9 (docs/plan9-notes.md §1.1) -------------------------------

export const ERRMAX = 128;
export const NNOTE = 5;
export const NCONT = 0;
export const NDFLT = 1;
export const RFNOTEG = 8;
export const RFPROC = 16;
export const RFMEM = 32;
export const RFNOWAIT = 64;

/** Open modes (4e libc.h). */
export const OMode = { OREAD: 0, OWRITE: 1, ORDWR: 2, OEXEC: 3, OTRUNC: 16, OCEXEC: 32, OEXCL: 0x1000 };

/**
 * System call numbers, as Plan 9's sys.h (and go syscall/zsysnum_plan9.go).
 * The two pseudo-calls above 1000 are not Plan 9 system calls:
 *   TICK      the interpreter's safepoint, the stand-in for the clock interrupt:
 *             a kernel entry and exit where notes are delivered and, in virtual
 *             time, another proc may be run; it never fails.
 *   PROCSTART a new M worker's first kernel entry: returns when the kernel first
 *             schedules the proc (rfork's child side).
 *
 * Emulation details of the calling convention (strings are ptr+len, not NUL
 * terminated) are documented in docs/abi.md.
 */
export const Sys = {
  ERRSTR: 41,
  CLOSE: 4,
  DUP: 5,
  ALARM: 6,
  EXITS: 8,
  OPEN: 14,
  SLEEP: 17,
  RFORK: 19,
  PIPE: 21,
  CREATE: 22,
  REMOVE: 25,
  NOTIFY: 28,
  NOTED: 29,
  SEMACQUIRE: 37,
  SEMRELEASE: 38,
  SEEK: 39,
  PREAD: 50,
  PWRITE: 51,
  TSEMACQUIRE: 52,
  NSEC: 53,
  TICK: 1000,
  PROCSTART: 1001,
};

// ---- Shared memory map -----------------------------------------------------
//
//   [0, 4096)                   control words (Ctl)
//   [4096, STATIC_BASE)         one syscall mailbox per pid (pid 1 .. MAX_PROCS-1);
//                               pid 0's holds the glue's words (host/abi/glue.ts GlueCtl)
//   [STATIC_BASE, __heap_base)  the core's static data (made passive by tools/postlink.mjs)
//   [__heap_base, ...)          the core's shared heap (assembly/runtime/malloc.ts)
//
// The mailbox table is as big as the most procs a run may have: pages of it
// that no proc uses are never touched, so they cost address space, not memory.

export const PAGE = 65536;
export const MEMORY_INITIAL_PAGES = 256; // 16 MiB
// The most memory a run may have: wasm32's 4 GiB. A run's memory is made
// with the maximum its heap limit needs (host/kernel/worker.ts), which the
// core's import accepts, so a browser page reserves only what it may use.
export const MEMORY_MAXIMUM_PAGES = 65536; // 4 GiB
/** The heap limit of a run that sets none (--max-memory): 1 GiB. */
export const MEMORY_DEFAULT_PAGES = 16384;
/**
 * Mailboxes, so pids: --max-procs may be at most MAX_PROCS - 1. A blocked
 * proc holds no worker (docs/scale.md §2) and costs tens of KiB, so this
 * table (8 MiB of address space, touched only where procs are) is what
 * bounds a run's procs: enough for 10,000 pending reads.
 */
export const MAX_PROCS = 16384;
export const MAILBOX_BASE = 4096;
export const MAILBOX_SIZE = 512;
/** Where the core's static data starts (asc --memoryBase, tools/postlink.mjs): the first 64 KiB boundary above the mailboxes. */
export const STATIC_BASE = (MAILBOX_BASE + MAX_PROCS * MAILBOX_SIZE + PAGE - 1) & ~(PAGE - 1);
// Memory safety (docs/bytecode.md "Nil checks"): an op that dereferences or
// offsets a base pointer below NIL_GUARD panics as a nil dereference. Nil is
// 0; nothing Go can point at lies below the core's static data (the Ctl page
// and the mailboxes are the kernel's), so a base there can only be nil plus
// an offset, which is what Go's own runtime assumes of its unmapped zero page.
export const NIL_GUARD = STATIC_BASE;

/** Control words at fixed addresses (byte offsets). */
export const Ctl = {
  INIT_FLAG: 0, // i32: 0 before the first M initialised memory, 1 after
  HEAP_CURSOR: 8, // i32: the heap's frontier: memory above it was never used (mheap.ts)
  HEAP_END: 12, // i32: end of the memory the allocator may use
  CLOCK_NS: 16, // i64: the kernel clock in ns since boot (virtual time: only the kernel writes it)
  DOORBELL: 24, // i32: incremented + notified by an M that filled its mailbox
  SCHED_ROOT: 32, // i32: address of the core's scheduler root (core-owned)
  EXITING: 36, // i32: nonzero once goexitsall has begun (core-owned)
  REALTIME: 40, // i32: 1 when the clock is the wall clock
  BOOT_WALL_NS: 48, // i64: Unix time in ns at boot (what time.Now starts from)
  TRACE: 56, // i32: 1 when the run is traced; the core skips host.trace when 0 (docs/trace.md)
  POLL_VARIANT: 60, // i32: internal/poll's deadline logic (PollVariant), set by the kernel at boot
  MEMORY_LIMIT: 64, // u32: bytes of memory the heap may reach (--max-memory), set by the kernel at boot; 0: MEMORY_DEFAULT_PAGES, 0xffffffff: 4 GiB
  NPIDS: 68, // i32: 1 + the highest pid the kernel has made: the mailboxes in use (the collector scans their calls)
  CONS_RING: 72, // u32: address of the console ring (ConsRing, the core's static data), stored by the core at its first console write; 0 before
  // The garbage collector (assembly/runtime/malloc.ts, mgc.ts): core-owned; the host only reads them
  // (GC_PERCENT may be stored by the host before boot, like POLL_VARIANT).
  MHEAP_INIT: 128, // i32: CAS 0 -> 1 by the M that lays out the heap
  MHEAP: 132, // i32: address of the heap root (mheap.ts), 0 until laid out
  GC_WANTED: 136, // i32: 1 when the heap passed its goal: the next safepoint collects
  GC_PERCENT: 140, // i32: GOGC; 0 means the default 100, negative turns the collector off
  HEAP_ALLOC: 144, // u32: bytes in allocated objects (Go's MemStats.HeapAlloc)
  HEAP_SYS: 148, // u32: bytes of the pages spans hold (MemStats.HeapSys, without free runs)
  HEAP_LIVE: 152, // u32: bytes marked by the last collection
  HEAP_GOAL: 156, // u32: HEAP_ALLOC that triggers the next collection
  NUM_GC: 160, // u32: completed collections
  TOTAL_ALLOC: 168, // i64: bytes ever allocated (MemStats.TotalAlloc)
  PAUSE_TOTAL_NS: 176, // i64: wall-clock ns spent stopped in collections (host nanotime)
  PAUSE_MAX_NS: 184, // i64: the longest pause
  PAUSE_LAST_NS: 192, // i64: the last pause
  // p9rt explore (docs/explore.md): the runnable-G choices a schedule forces.
  // The kernel writes EXPLORE, EXPLORE_N and the table before boot; the M
  // holding the P counts choice points (findrunnable with two or more
  // runnable Gs) in EXPLORE_STEP and consumes the table in step order.
  EXPLORE: 256, // i32: 1 when a schedule drives the runtime's choice points (0: Go's order, untouched)
  EXPLORE_STEP: 260, // i32: choice points passed so far (core-owned)
  EXPLORE_NEXT: 264, // i32: table entries consumed so far (core-owned)
  EXPLORE_N: 268, // i32: table entries
  EXPLORE_HASH: 272, // u32: FNV-1a of every (candidates, pick) at the choice points (core-owned): the run's G interleaving
  EXPLORE_TABLE: 1024, // EXPLORE_MAX x (i32 step, i32 pick): at choice point `step`, run the (pick mod candidates)-th runnable G
};

/** Entries of Ctl.EXPLORE_TABLE (up to the end of the control page). */
export const EXPLORE_MAX = 384;

/** runtime.memstat(i): which statistic (src/golib/runtime/mstats.go). */
export const MemStat = {
  HEAP_ALLOC: 0, TOTAL_ALLOC: 1, HEAP_SYS: 2, NEXT_GC: 3, NUM_GC: 4, PAUSE_TOTAL_NS: 5,
  PAUSE_MAX_NS: 6, PAUSE_LAST_NS: 7, HEAP_LIVE: 8, FRONTIER: 9,
};

/** Values of Ctl.POLL_VARIANT (internal/poll.runtime_pollVariant): which setDeadlineImpl runs. */
export const PollVariant = { CURRENT: 0, GO119: 1 };

/**
 * The per-proc syscall mailbox at MAILBOX_BASE + pid*MAILBOX_SIZE (pid < MAX_PROCS).
 * Protocol (docs/toolchain.md "mailbox race rule"):
 *   M:      write NUM/ARGS, store STATE=PENDING, bump+notify DOORBELL,
 *           Atomics.wait(STATE) while PENDING.
 *   kernel: compute, write RET (and NOTE/NOTE_LEN if a note is to be delivered
 *           on this return), then store STATE=DONE and notify STATE.
 *   ATTN is set by postnote while a note is queued; the interpreter polls it at
 *   safepoints and enters the kernel with Sys.TICK when it is set.
 */
export const Mbox = {
  STATE: 0, // i32 MboxState
  ATTN: 4, // i32
  NUM: 8, // i32
  // i32: 0 when no note waits; else 1 + the length of the note NOTE holds, to
  // hand to sigtramp now. An empty note is a note (4e postnote queues it; go's
  // sighandler treats it as any unknown note), so a length of 0 cannot mean none.
  NOTE_LEN: 12,
  ARGS: 16, // 6 x i64
  RET: 64, // i64
  // i64, traced runs only: the source position of the goroutine making this
  // call (docs/trace.md "Source positions": (func index + 1) << 32 | line, 0
  // none), written by the core before every call; the kernel's sys.enter
  // carries it. Untraced runs never write it.
  POS: 72,
  // i32: written 1 by the core just before a call its M makes while keeping
  // the P (go entersyscall: the P stays with the M; sysmon retakes it only
  // from a call that blocks). The kernel takes (reads and zeroes) it at the
  // call's entry; if the call would sleep, it first returns to the glue with
  // MboxX.SLEEPS set, the glue has the core hand the P off (the export
  // syscallblock, go's retake + handoffp, done by the M itself), then makes the
  // same call again. So only a call that really waits costs another M, as
  // in Go (docs/plan9-notes.md §2.1).
  KEEPSP: 80,
  // 84 is the glue's (host/abi/glue.ts MboxX.SLEEPS; tests/node/abi-layout.test.mjs).
  // i32 bit masks, kept by the kernel on every return to user mode: bit fd
  // (fd < 32) is set when the fd is /dev/cons open for writing to the run's
  // stdout (CONSOUT) or stderr (CONSERR). The core appends such a write to
  // the console ring instead of making the call (ConsRing).
  CONSOUT: 88,
  CONSERR: 92,
  // i32, traced runs only, written with POS: the Go operation of the call,
  // the library function the goroutine's own code called to make it (the
  // func index + 1 of net.(*conn).Read, os.(*File).Read; 0 none), for the
  // pending-call table.
  OP: 96,
  // i32 Resume: written by the core just before a call its M can be resumed
  // from without the wasm stack it makes it on (assembly/runtime/proc.ts
  // sysresume). The kernel takes it at the call's entry; if the call sleeps,
  // it detaches the proc from its worker (MboxState.DETACHED) and, when the
  // call ends, gives the proc to any pooled worker, which calls the core's
  // sysresume(pid, kind). A blocked proc then costs no thread (docs/scale.md §2).
  RESUME: 100,
  // u32: this proc's M record, written by the core's minit (sysresume finds it here).
  M: 104,
  NOTE: 128, // ERRMAX bytes
};

/**
 * The console ring (assembly/runtime/cons.ts, host/kernel/dev/cons.ts): a
 * write to the run's stdout or stderr (Mbox.CONSOUT/CONSERR) is a record
 * here, not a system call; the kernel takes the records, in order, before
 * it handles any call and before the run's output leaves it, so output keeps
 * its order with stderr, with other writes and with the end of the run.
 * 12,000 writes a second was the ceiling of one call each (issue 18.6).
 * A record: an i32 of its length (bit 31 set for stderr), then the bytes,
 * padded to 4; it may wrap around the end of DATA. HEAD and TAIL count
 * bytes ever written and taken (mod 2^32); a writer holds LOCK (CAS 0 -> 1),
 * only the kernel moves TAIL. Traced runs make the calls (their trace shows
 * each pwrite), and so does a write the ring has no room for.
 */
export const ConsRing = { LOCK: 0, HEAD: 4, TAIL: 8, DATA: 16 };
export const CONS_RING_SIZE = 65536; // bytes of DATA (a power of 2)
export const CONS_RECORD_MAX = 4096; // longer writes make the call
/** DETACHED: the call sleeps without the M's thread: the glue unwinds and its worker goes back to the pool. */
export const MboxState = { IDLE: 0, PENDING: 1, DONE: 2, DETACHED: 3 };
/** Mbox.RESUME: where the core goes on after a detached call (assembly/runtime/proc.ts sysresume). */
export const Resume = { NONE: 0, SYSCALL: 1, PARK: 2, TIMEDPARK: 3 };

// ---- The note table (go runtime/signal_plan9.go; docs/plan9-notes.md §2.3) -----------

/** Flag bits of the note table (go runtime/runtime2.go). */
export const SigFlag = { NOTIFY: 1, KILL: 2, THROW: 4, PANIC: 8, GOEXIT: 32 };

/** First prefix match wins, in this order. */
export const NOTE_TABLE: ReadonlyArray<readonly [string, number]> = [
  ['sys: trap: debug exception', SigFlag.THROW],
  ['sys: trap: invalid opcode', SigFlag.THROW],
  ['sys: trap: fault read', SigFlag.PANIC],
  ['sys: trap: fault write', SigFlag.PANIC],
  ['sys: trap: divide error', SigFlag.PANIC],
  ['sys: fp:', SigFlag.PANIC],
  ['sys: trap:', SigFlag.PANIC],
  ['sys: write on closed pipe', SigFlag.NOTIFY],
  ['sys:', SigFlag.THROW],
  ['go: exit ', SigFlag.GOEXIT],
  ['kill', SigFlag.KILL],
  ['interrupt', SigFlag.NOTIFY | SigFlag.KILL],
  ['hangup', SigFlag.NOTIFY | SigFlag.KILL],
  ['alarm', SigFlag.NOTIFY],
  ['abort', SigFlag.NOTIFY | SigFlag.THROW],
];

/** What sighandler decided, reported to the kernel's trace (host.trace). */
export const Decision = {
  IGNORED_HANGUP: 1, // ignoredNote: exactly "hangup" on an M with ignoreHangup
  SENT_TO_SIGNAL: 2, // sendNote: queued for os/signal
  KILL: 3, // goexitsall + exits(note)
  THROW: 4, // traceback + exit
  PANIC: 5, // turned into a Go panic in the running goroutine
  GOEXIT: 6, // "go: exit <s>": exits(s)
  IGNORED: 7, // no action (NCONT)
};

/** Core-side trace events (host.trace(kind, a, b, c)); kernel events live in host/kernel. */
export const TraceKind = {
  HANDLER: 1, // a=Decision, b=note table index (-1 none), c=goid running
  GO_CREATE: 2, // a=new goid, b=creator goid
  GO_START: 3, // a=goid (now running on this M)
  GO_BLOCK: 4, // a=goid, b=WaitReason
  GO_UNBLOCK: 5, // a=goid
  GO_END: 6, // a=goid
  SYSCALL_ENTER: 7, // a=goid, b=syscall number (entersyscall; P handed off)
  SYSCALL_EXIT: 8, // a=goid
  P_HANDOFF: 9, // a=from pid, b=to pid
  TIMER_SET: 10, // a=timer id, b=when (ms)
  TIMER_FIRE: 11, // a=timer id
  TIMER_STOP: 12, // a=timer id
  IGNORE_HANGUP: 13, // a=1 set, 0 cleared
  // Go library records (internal/poll.runtime_traceEvent), for the cause chain of docs/trace.md:
  DEADLINE: 14, // a=mode ('r', 'w', 'r'+'w'), b=ns until the deadline (<= 0: past), c=1 when cleared; opens a region
  IO_CANCEL: 15, // asyncIO.Cancel: a=pid running the I/O; opens a region
  IO_TIMEOUT: 16, // Read/Write returns ErrDeadlineExceeded for an interrupted call: a=pid that ran it, b=mode, c=n
  REGION_END: 17, // closes the G's innermost region (DEADLINE, IO_CANCEL)
  TIMER_RESET: 18, // a=timer id, b=when (ms), c=1 if it was pending
  HTTP_ABORT_READ: 19, // net/http's connReader.abortPendingRead ends the background read; opens a region
  EXPLORE_PICK: 20, // p9rt explore: a=choice point, b=goid run, c=goid Go's order runs (docs/explore.md)
};

export const WaitReason = {
  CHAN_RECV: 1,
  CHAN_SEND: 2,
  SELECT: 3,
  SLEEP: 4,
  SEMA: 5,
  SYSCALL: 6,
  GC: 7,
  FOREVER: 8,
};

// ---- Bytecode (docs/bytecode.md is the specification of each op) ------------

export const IMAGE_MAGIC = 0x39726270; // "pbr9" little-endian
export const IMAGE_VERSION = 1;

/** Fixed type ids of predeclared types; the compiler numbers the rest from FIRST_USER_TYPE. */
export const TypeId = {
  NIL: 0,
  BOOL: 1,
  INT: 2,
  INT8: 3,
  INT16: 4,
  INT32: 5,
  INT64: 6,
  UINT: 7,
  UINT8: 8,
  UINT16: 9,
  UINT32: 10,
  UINT64: 11,
  UINTPTR: 12,
  FLOAT64: 13,
  STRING: 14,
  UNSAFE_POINTER: 15,
  FIRST_USER_TYPE: 16,
};

/**
 * Kinds of types in the image's type table. Its first names repeat TypeId's
 * by design (duplicates reports them): a kind says what sort of type, a type
 * id which type, and the predeclared types are numbered in the same order.
 */
export const Kind = {
  BOOL: 1,
  INT: 2,
  INT8: 3,
  INT16: 4,
  INT32: 5,
  INT64: 6,
  UINT: 7,
  UINT8: 8,
  UINT16: 9,
  UINT32: 10,
  UINT64: 11,
  UINTPTR: 12,
  FLOAT64: 13,
  STRING: 14,
  POINTER: 15,
  SLICE: 16,
  ARRAY: 17,
  STRUCT: 18,
  MAP: 19,
  CHAN: 20,
  FUNC: 21,
  INTERFACE: 22,
};

/**
 * Opcodes. Immediates follow the opcode byte, each a little-endian i32 unless
 * marked i64. See docs/bytecode.md for stack effects and semantics.
 */
export const Op = {
  NOP: 0,
  // constants and variables
  CONST: 1, // i64 imm                      -> v
  LOCAL: 2, // i32 idx                      -> v
  SETLOCAL: 3, // i32 idx                   v ->
  GLOBAL: 4, // i32 idx                     -> v
  SETGLOBAL: 5, // i32 idx                  v ->
  CAPTURE: 6, // i32 idx                    -> v   (word idx of the running closure)
  DUP: 7,
  DROP: 8,
  SWAP: 9,
  OVER: 10, // a b -> a b a
  STRCONST: 11, // i32 image offset of a string header -> s
  FUNCVAL: 12, // i32 func index             -> closure with no captures
  TEELOCAL: 13, // i32 idx                  v -> v
  // integer arithmetic on i64
  ADD: 20, SUB: 21, MUL: 22, DIV: 23, DIVU: 24, REM: 25, REMU: 26,
  AND: 27, OR: 28, XOR: 29, ANDNOT: 30, SHL: 31, SHR: 32, SHRU: 33,
  NEG: 34, COMPL: 35, NOT: 36,
  EQ: 37, NE: 38, LT: 39, LE: 40, GT: 41, GE: 42, LTU: 43, LEU: 44, GTU: 45, GEU: 46,
  EXT8S: 47, EXT16S: 48, EXT32S: 49, EXT8U: 50, EXT16U: 51, EXT32U: 52,
  // float64 (bit patterns in the i64 words)
  FADD: 60, FSUB: 61, FMUL: 62, FDIV: 63, FNEG: 64,
  FEQ: 65, FNE: 66, FLT: 67, FLE: 68, FGT: 69, FGE: 70,
  I2F: 71, U2F: 72, F2I: 73, F2U: 74,
  // control
  JMP: 80, // i32 target (byte offset in the function's code)
  JMPIF: 81, // i32 target                  c ->
  JMPIFNOT: 82, // i32 target               c ->
  CALL: 83, // i32 func index               args -> results
  CALLCLOSURE: 84, // i32 nargs (words)     args f -> results
  CALLIFACE: 85, // i32 method id, i32 nargs  iface args -> results
  RET: 86, //                               results ->  (returns to caller)
  RUNDEFERS: 87, //                         runs this frame's deferred calls, one per execution
  GO: 88, // i32 func index, i32 nargs      args ->
  GOCLOSURE: 89, // i32 nargs               args f ->
  DEFER: 90, // i32 func index, i32 nargs   args ->
  DEFERCLOSURE: 91, // i32 nargs            args f ->
  PANIC: 92, //                             iface -> (unwinds)
  RECOVER: 93, //                           -> iface
  INTRINSIC: 94, // i32 intrinsic id          args -> results (see Intrinsic)
  MAKECLOSURE: 95, // i32 func index, i32 ncaptures   caps -> f
  // memory
  ALLOC: 100, // i32 bytes                  -> p  (zeroed)
  LOAD: 101, // i32 offset                  p -> v      (i64 at p+off; nil p panics)
  STORE: 102, // i32 offset                 p v ->
  LOAD8U: 103, // i32 offset                p -> v
  LOAD8S: 104, // i32 offset                p -> v
  STORE8: 105, // i32 offset                p v ->
  COPY: 106, // i32 bytes                   dst src ->
  NEWCOPY: 107, // i32 bytes                src -> p (fresh copy)
  NILCHECK: 108, //                         p -> p
  ZERO: 109, // i32 bytes                   p ->
  FIELDADDR: 110, // i32 offset             p -> p+off  (nil p panics: the only way to offset a pointer)
  // strings (value = pointer to an immutable header {data i32, len i32}; 0 is "")
  STRLEN: 120, STRINDEX: 121, STRSLICE: 122, // STRSLICE: i32 flags(1=lo,2=hi)
  STRCAT: 123, STRCMP: 124, STREQ: 125,
  STRFROMBYTES: 126, BYTESFROMSTR: 127, STRFROMRUNE: 128,
  STRDECODERUNE: 129, // s i -> rune width
  STRFROMRUNES: 130, RUNESFROMSTR: 131,
  // slices (value = pointer to an immutable header {data i32, len i32, cap i32}; 0 is nil)
  MAKESLICE: 140, // i32 elem bytes         len cap -> s
  LEN: 141, // s -> len (slice)
  CAP: 142, // s -> cap
  INDEXADDR: 143, // i32 elem bytes         s i -> p   (bounds checked)
  SLICE: 144, // i32 elem bytes, i32 flags(1=lo,2=hi,4=max)  s [lo] [hi] [max] -> s
  APPEND: 145, // i32 elem bytes            s v -> s   (v: the word, or a block pointer for elems > 8 bytes)
  APPENDSLICE: 146, // i32 elem bytes       s t -> s
  COPYSLICE: 147, // i32 elem bytes         dst src -> n
  ARRAYSLICE: 148, // i32 elem bytes, i32 len, i32 flags   arrayptr [lo] [hi] [max] -> s
  ARRAYINDEXADDR: 149, // i32 elem bytes, i32 len   arrayptr i -> p
  SLICELIT: 150, // i32 elem bytes, i32 n   v1..vn -> s   (elems <= 8 bytes)
  APPENDSTR: 151, //                        s(bytes) str -> s
  // maps (value = pointer to a map object; 0 is nil)
  MAKEMAP: 160, // i32 key kind             hint -> m
  MAPGET: 161, // i32 key kind              m k -> v ok
  MAPSET: 162, // i32 key kind              m k v ->
  MAPDELETE: 163, // i32 key kind           m k ->
  MAPLEN: 164, //                           m -> n
  MAPITER: 165, //                          m -> it
  MAPNEXT: 166, //                          it -> k v ok
  // interfaces (value = pointer to an immutable box {type i32, pad, data i64}; 0 is nil)
  MAKEIFACE: 170, // i32 type id            v -> iface
  IFACETYPE: 171, //                        iface -> type id (0 for nil)
  IFACEDATA: 172, //                        iface -> v
  ASSERT: 173, // i32 type id               iface -> v           (panics on failure)
  ASSERTOK: 174, // i32 type id             iface -> v ok
  ASSERTIFACE: 175, // i32 iface type id    iface -> iface       (panics on failure)
  ASSERTIFACEOK: 176, // i32 iface type id  iface -> iface ok
  IFACEEQ: 177, //                          a b -> bool
  // Added (additive): ASSERT whose operand's static type is a named or
  // non-empty interface; the failure panic names it (Go's panicdottypeI:
  // "interface conversion: main.I is main.A, not main.B").
  ASSERTI: 178, // i32 type id, i32 static iface type id   iface -> v   (panics TYPEASSERT_I on failure)
  // channels (value = pointer to an hchan; 0 is nil). Elements are one word.
  MAKECHAN: 180, //                         cap -> c
  SEND: 181, //                             c v ->
  RECV: 182, //                             c -> v
  RECVOK: 183, //                           c -> v ok
  CLOSE: 184, //                            c ->
  CHANLEN: 185,
  CHANCAP: 186,
  SELECT: 187, // i32 ncases, i32 hasdefault   [c v? kind]*n -> index v ok
  // printing (builtin print/println: to stderr, as Go's runtime prints)
  PRINTINT: 190, PRINTUINT: 191, PRINTFLOAT: 192, PRINTSTR: 193, PRINTBOOL: 194,
  PRINTPTR: 195, PRINTSP: 196, PRINTNL: 197, PRINTIFACE: 198,
  // debugging
  LINE: 200, // i32 line (source line of the next instructions; used for tracebacks)
};

/**
 * Intrinsics: Go functions declared without a body in src/golib whose work the
 * runtime does. The compiler maps the qualified Go name to the id; the core
 * implements each id (assembly/runtime/intrinsics.ts). Argument and result word
 * counts follow from the Go signature.
 */
export const Intrinsic = {
  // runtime package (src/golib/runtime)
  'runtime.Gosched': 1,
  'runtime.LockOSThread': 2,
  'runtime.UnlockOSThread': 3,
  'runtime.NumGoroutine': 4,
  'runtime.GOMAXPROCS': 5,
  'runtime.Goexit': 6,
  'runtime.nanotime': 7, // () int64: the kernel clock
  'runtime.walltime': 8, // () int64: Unix ns
  'runtime.timeSleep': 9, // (ns int64)
  'runtime.startTimer': 10, // (when int64, period int64, f func()) int: runs f in a new goroutine at when
  'runtime.stopTimer': 11, // (id int) bool
  'runtime.resetTimer': 12, // (id int, when int64) bool
  'runtime.semacquire': 13, // (addr *uint32)   goroutine-level semaphore (sync)
  'runtime.semrelease': 14, // (addr *uint32)
  'runtime.syscall': 15, // (num, a0, a1, a2, a3, a4 int) int   entersyscall..exitsyscall
  'runtime.rawsyscall': 16, // (num, a0, a1, a2, a3, a4 int) int  no P handoff (non-blocking calls)
  'runtime.stringData': 17, // (s string) uintptr
  'runtime.sliceData': 18, // (b []byte) uintptr
  'runtime.gostringn': 19, // (p uintptr, n int) string  (copies)
  'runtime.exit': 20, // (code int)  goexitsall + exits
  'runtime.exitString': 21, // (s string) goexitsall + exits(s)
  'runtime.ignoreHangup': 22,
  'runtime.unignoreHangup': 23,
  'runtime.goid': 24, // () int
  'runtime.mpid': 25, // () int  pid of the current M (cached by the runtime)
  'internal/poll.runtime_mpid': 25, // the same, for p9rt/pending's os.File reads
  'runtime.typeString': 26, // (x any) string  the dynamic type's name, as %T prints it
  'runtime.formatFloat': 27, // (f float64, fmt byte, prec int) string
  'runtime.KeepAlive': 28,
  'runtime.signalEnable': 29, // (note string)   os/signal (later issues)
  'runtime.signalRecv': 30, // () string
  'runtime.printString': 31, // (fd int, s string)  write to stdout/stderr without fmt
  'runtime.ifaceWords': 32, // (x any) (typeid int, data uintptr)
  'runtime.typeName': 34, // (id int) string  a type id's name, as %T prints it
  'runtime.args': 35, // () []string  the program's arguments (os.Args)
  'runtime.traceback': 36, // ()  print the running goroutine's frames to stderr, as Go does after panic:
  'runtime.typeKind': 33, // (x any) int  Kind of the dynamic type
  // the garbage collector (assembly/runtime/mgc.ts)
  'runtime.GC': 90, // ()  a full collection now
  'runtime.memstat': 91, // (i int) uint64  Ctl word of MemStat i (runtime.ReadMemStats)
  'runtime.panicAt': 93, // (depth int) (v any, flags int)  the goroutine's panic chain for printpanics: depth 0 is the newest; flags 1 exists, 2 recovered, 4 goexit
  'runtime/debug.SetGCPercent': 92, // (percent int) int  GOGC; negative turns the collector off
  // aliases Go links by name from other packages
  'internal/poll.runtime_ignoreHangup': 22,
  'internal/poll.runtime_unignoreHangup': 23,
  'sync.runtime_Semacquire': 13,
  'sync.runtime_Semrelease': 14,
  'time.Sleep': 9,
  'time.runtimeNano': 7,
  'time.walltime': 8,
  'time.startTimer': 10,
  'time.stopTimer': 11,
  'time.resetTimer': 12,
  // Added for src/golib (additive). Aliases: Go links these by name.
  'syscall.runtime_syscall': 15,
  'syscall.runtime_rawsyscall': 16,
  'syscall.runtime_stringData': 17,
  'syscall.runtime_sliceData': 18,
  'syscall.Exit': 20, // go runtime/runtime.go links syscall_Exit to exit
  'os.runtime_args': 35,
  'strconv.runtime_formatFloat': 27,
  'internal/reflectlite.ifaceWords': 32,
  'internal/reflectlite.typeName': 34,
  // internal/reflectlite: what fmt (%v of structs, slices, pointers) and
  // errors.As need of the image's type table, without a reflect package.
  // Type ids are the image's; 0 is nil.
  'internal/reflectlite.kindOf': 37, // (typ int) int  Kind of a type id (0 for nil)
  'internal/reflectlite.elemOf': 38, // (typ int) int  elem type id (pointer, slice, array, chan, map value)
  'internal/reflectlite.lenOf': 39, // (typ int) int  array length
  'internal/reflectlite.sizeOf': 40, // (typ int) int  size in a block (bytecode.md "Sizes in blocks")
  'internal/reflectlite.numField': 41, // (typ int) int
  'internal/reflectlite.field': 42, // (typ int, i int) (name string, ftyp int, offset int)
  'internal/reflectlite.loadWord': 43, // (addr uintptr) int  the i64 at addr
  'internal/reflectlite.loadByte': 44, // (addr uintptr) int  the byte at addr (zero-extended)
  'internal/reflectlite.packEface': 45, // (typ int, word int) any  MAKEIFACE with a run-time type id; for an interface type the word is already a box (or 0) and is returned as is
  'internal/reflectlite.implements': 46, // (typ int, iface int) bool  typ's method set covers interface type iface
  'internal/reflectlite.store': 47, // (addr uintptr, typ int, v any)  *addr = v as type typ: the box word if typ is an interface, else v's data word (blocks of struct/array types are copied, sizeOf(typ) bytes)
  'internal/reflectlite.memmove': 48, // (dst, src uintptr, n int)
  // sync/atomic on one 64-bit word holding the canonical (sign-extended)
  // value. With one P only one M runs bytecode, but the core must still not
  // put a safepoint inside one of these.
  'sync/atomic.CompareAndSwapInt32': 49, // (addr *int32, old, new int32) bool
  'sync/atomic.AddInt32': 50, // (addr *int32, delta int32) int32  (the new value)
  'sync/atomic.LoadInt32': 51, // (addr *int32) int32
  'sync/atomic.StoreInt32': 52, // (addr *int32, v int32)
  'sync/atomic.CompareAndSwapInt64': 53, // (addr *int64, old, new int64) bool
  'sync/atomic.AddInt64': 54, // (addr *int64, delta int64) int64
  'sync/atomic.LoadInt64': 55, // (addr *int64) int64
  'sync/atomic.StoreInt64': 56, // (addr *int64, v int64)
  // internal/poll: which setDeadlineImpl runs, read once at package init:
  // 0 = current Go (issue-57114 fix, d <= 0 is past), 1 = Go 1.19.8 (pre-fix).
  // The host sets it from a run option; a core without it may return 0.
  'internal/poll.runtime_pollVariant': 57, // () int
  'internal/reflectlite.missingMethod': 58, // (typ int, iface int) string  first method of iface typ lacks ("" if none)
  'runtime.kindOf': 37, // the runtime's panic texts read the type table too
  'runtime.packEface': 45,
  'runtime.missingMethod': 58,
  // os/signal links the runtime's note queue by Go's names (go
  // runtime/sigqueue_plan9.go): signal_enable's argument is the note named
  // in Notify ("" for all notes); on Plan 9 it only switches the queue on.
  'os/signal.signal_enable': 29,
  'os/signal.signal_recv': 30,
  // internal/reflectlite's map walk, for fmt's %v of maps (sorted by key in Go).
  'internal/reflectlite.mapiter': 59, // (m uintptr) *hiter  a MAPITER iterator
  'internal/reflectlite.mapnext': 60, // (it *hiter) (k int, v int, ok bool)  MAPNEXT's words
  'internal/reflectlite.keyOf': 61, // (typ int) int  a map type's key type id
  // runtime.Caller, for testing's "file:line: " log prefixes: the frame
  // skip levels above the caller of Caller (0 = Caller's caller).
  'runtime.Caller': 62, // (skip int) (pc uintptr, file string, line int, ok bool)
  // A trace record from the Go library (TraceKind DEADLINE..REGION_END; docs/trace.md).
  'internal/poll.runtime_traceEvent': 63, // (kind, a, b, c int)
  'net/http.runtime_traceEvent': 63, // the same, for HTTP_ABORT_READ
  // go runtime/panic.go throw: "fatal error: s", the goroutine's trace, exit 2;
  // not a panic: no deferred call runs and recover cannot stop it.
  'runtime.throw': 64, // (s string)
  'sync.fatal': 64, // go sync.fatal is linked to the runtime's sync_fatal, a throw
};

/** Codes of the image's panicRuntime hook (docs/bytecode.md "PanicCode"). */
export const PanicCode = {
  INDEX: 1,
  SLICE: 2,
  DIVIDE: 3,
  NILDEREF: 4,
  NILMAP: 5,
  SENDCLOSED: 6,
  CLOSENIL: 7,
  CLOSECLOSED: 8,
  TYPEASSERT: 9,
  MAKESLICE: 10,
  SHIFT: 11,
  MAKECHAN: 12,
  UNCOMPARABLE: 13,
  // Added for Go's exact slice texts (src/golib/runtime/error.go); SLICE is
  // then "[:a] with capacity b" (Go's boundsSliceAcap, slicing a slice).
  SLICE_ALEN: 14, // s[:a] of a string or array: "slice bounds out of range [:a] with length b"
  SLICE_B: 15, // s[a:b] with a > b: "slice bounds out of range [a:b]"
  MAKESLICECAP: 16, // "makeslice: cap out of range"
  UNHASHABLE: 17, // a = type id: "hash of unhashable type T"
  FLOAT: 18, // a "sys: fp:" note turned into a panic: "floating point error" (go panicfloat)
  // Go's 3-index slice texts (go runtime/error.go boundsSlice3*), s[lo:hi:max]:
  SLICE3_ALEN: 19, // max > len of an array: "slice bounds out of range [::a] with length b"
  SLICE3_ACAP: 20, // max > cap of a slice: "slice bounds out of range [::a] with capacity b"
  SLICE3_B: 21, // hi > max: "slice bounds out of range [:a:b]"
  SLICE3_C: 22, // lo > hi: "slice bounds out of range [a:b:]"
  // ASSERTI's failure: a = dynamic type id (0 nil), b = wanted type id |
  // static interface type id << 32: "interface conversion: main.I is main.A, not main.B"
  TYPEASSERT_I: 23,
  GROWSLICE: 24, // append past the largest length: "growslice: cap out of range" (go growslice)
};

/**
 * A wasm trap the M glue caught in the core (host/m/worker.ts), passed to the
 * core's trap export, which prints Go's fatal error for it (runtime/panic.ts
 * wasmtrap). Always a p9rt bug: docs/bytecode.md "Nil checks".
 */
export const WasmTrap = {
  OTHER: 0,
  OUT_OF_BOUNDS: 1, // memory access out of bounds
  DIVIDE: 2, // integer divide or remainder by zero
  UNREACHABLE: 3,
  CONVERSION: 4, // float to integer out of range, integer overflow
  STACK: 5, // the host's call stack exhausted inside the core
};

/** Image header offsets (docs/bytecode.md "Program image"). */
export const Img = {
  MAGIC: 0,
  VERSION: 4,
  NFUNCS: 8,
  FUNCS: 12,
  NTYPES: 16,
  TYPES: 20,
  NMETHODNAMES: 24,
  METHODNAMES: 28,
  NGLOBALS: 32,
  ENTRY: 36,
  NSTRINGS: 40,
  STRINGS: 44,
  HOOK_FATALPANIC: 48,
  HOOK_PANICRUNTIME: 52,
  // Source positions in another file than their function's (a //line
  // directive inside a function): NPOSITIONS records of PosRec at POSITIONS.
  // A LINE operand n < 0 names record ~n; n >= 0 is a line of FuncRec.FILE.
  NPOSITIONS: 56,
  POSITIONS: 60,
  HEADER_SIZE: 64,
  FUNC_SIZE: 40,
};

/** A source position record (Img.POSITIONS): the image offset of its file's string header, its line. */
export const PosRec = { FILE: 0, LINE: 4, SIZE: 8 };

/** Func record field offsets. */
export const FuncRec = {
  CODE: 0,
  CODELEN: 4,
  NPARAMS: 8,
  NRESULTS: 12,
  NLOCALS: 16,
  MAXSTACK: 20,
  NAME: 24,
  FILE: 28,
  RECOVERPC: 32,
  FLAGS: 36,
};

/** Type record field offsets. */
export const TypeRec = {
  KIND: 0,
  SIZE: 4,
  NAME: 8,
  ELEM: 12,
  KEY: 16,
  LEN: 20,
  NFIELDS: 24,
  FIELDS: 28,
  NMETHODS: 32,
  METHODS: 36,
  SIZEOF: 40,
};
