// Package runtime is the Go-subset part of p9rt's runtime: what Go's runtime
// writes in Go and p9rt can too (panic texts, the fatal panic printer), plus
// the declarations of the functions the core implements (stubs.go). The
// scheduler, channels, timers, locks, heap and note handling are the core's
// (assembly/runtime), reached through intrinsics.
package runtime

// GOOS is "plan9": the programs run on an emulated Plan 9.
const GOOS = "plan9"

// GOARCH is "amd64", not "wasm": p9rt's int, uint and uintptr are 64-bit
// words (docs/bytecode.md) as on plan9/amd64, the port whose behaviour p9rt
// reproduces (its sigtramp, note table and internal/poll are plan9/amd64's,
// docs/plan9-notes.md). Go has no plan9/wasm port, and a program that
// switches on GOARCH should take the branch it would take on the Plan 9
// machine p9rt stands for. The wasm underneath is an implementation detail,
// like the CPU under a real Plan 9 kernel.
const GOARCH = "amd64"

// Compiler is the name of the toolchain that built the program.
const Compiler = "p9rt"

// Version returns the Go version whose library p9rt's follows.
func Version() string { return "go1.19.8" }
