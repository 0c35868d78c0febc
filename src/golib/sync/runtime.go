package sync

// The core's goroutine semaphore, linked by name (host/abi/defs.ts
// Intrinsic): Semacquire waits until *s > 0 and decrements it; Semrelease
// increments it and wakes one waiter.
func runtime_Semacquire(s *uint32)
func runtime_Semrelease(s *uint32)

// fatal reports misuse the way Go's sync does: it is the runtime's throw
// (linked by name, host/abi/defs.ts Intrinsic), "fatal error: sync: ...",
// which no recover stops.
func fatal(s string)
