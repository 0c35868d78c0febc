package runtime

// Functions declared without a body are intrinsics: the core implements them
// (host/abi/defs.ts Intrinsic gives each its id; assembly/runtime/intrinsics.ts
// implements it). Only names listed there may be bodyless.

// Gosched yields the processor, allowing other goroutines to run.
func Gosched()

// LockOSThread wires the calling goroutine to its current M (Plan 9 proc)
// until a matching UnlockOSThread. Calls nest, as in Go since 1.10.
func LockOSThread()

// UnlockOSThread undoes one LockOSThread.
func UnlockOSThread()

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int

// GOMAXPROCS sets the number of Ps if n > 0 and returns the previous setting.
func GOMAXPROCS(n int) int

// Goexit runs the deferred calls of the calling goroutine and ends it.
func Goexit()

// KeepAlive marks its argument as reachable until this call.
func KeepAlive(x any)

// nanotime is the kernel clock in ns (monotonic; virtual time by default).
func nanotime() int64

// walltime is Unix time in ns: the kernel's boot wall time plus nanotime.
func walltime() int64

// timeSleep parks the goroutine for ns.
func timeSleep(ns int64)

// startTimer runs f in a new goroutine when nanotime reaches when, then
// every period ns if period > 0; it returns the timer's id.
func startTimer(when int64, period int64, f func()) int

// stopTimer disarms a timer; it reports whether the timer was still armed.
func stopTimer(id int) bool

// resetTimer re-arms a timer for when; it reports whether it was armed.
func resetTimer(id int, when int64) bool

// semacquire waits until *addr > 0 and decrements it (goroutine level).
func semacquire(addr *uint32)

// semrelease increments *addr and wakes one waiter.
func semrelease(addr *uint32)

// syscall makes a Plan 9 system call (docs/abi.md), handing the P off
// while the M is in the kernel (entersyscall/exitsyscall).
func syscall(num, a0, a1, a2, a3, a4 int) int

// rawsyscall makes a system call that never blocks, keeping the P.
func rawsyscall(num, a0, a1, a2, a3, a4 int) int

// stringData is the address of s's bytes.
func stringData(s string) uintptr

// sliceData is the address of b's first element.
func sliceData(b []byte) uintptr

// gostringn copies n bytes at p into a new string.
func gostringn(p uintptr, n int) string

// exit ends the program: goexitsall, then exits with "" for 0, else the
// decimal code (go runtime/os_plan9.go exit).
func exit(code int)

// exitString ends the program with the exit string s.
func exitString(s string)

// ignoreHangup and unignoreHangup set and clear the current M's
// ignoreHangup flag (go runtime/net_plan9.go).
func ignoreHangup()
func unignoreHangup()

// goid is the running goroutine's id.
func goid() int

// mpid is the pid of the current M's proc.
func mpid() int

// typeString is the name of x's dynamic type, as %T prints it.
func typeString(x any) string

// typeKind is the Kind of x's dynamic type (0 for nil).
func typeKind(x any) int

// ifaceWords splits an interface into its dynamic type id and data word.
func ifaceWords(x any) (typeid int, data uintptr)

// typeName is the name of a type id, as %T prints it.
func typeName(id int) string

// formatFloat formats f as strconv.FormatFloat(f, fmt, prec, 64).
func formatFloat(f float64, fmt byte, prec int) string

// signalEnable and signalRecv are os/signal's side of the note queue
// (go runtime/sigqueue_plan9.go).
func signalEnable(note string)
func signalRecv() string

// printString writes s to fd 1 or 2 without going through fmt.
func printString(fd int, s string)

// args is the program's argument list (os.Args).
func args() []string

// traceback prints the running goroutine's frames to stderr as Go does
// after "goroutine N [running]:".
func traceback()

// Caller reports file and line number information about function
// invocations on the calling goroutine's stack. The argument skip is the
// number of stack frames to ascend, with 0 identifying the caller of
// Caller. pc is the function's index in the image, not a machine address.
func Caller(skip int) (pc uintptr, file string, line int, ok bool)
