package sync

// The core's goroutine semaphore, linked by name (host/abi/defs.ts
// Intrinsic): Semacquire waits until *s > 0 and decrements it; Semrelease
// increments it and wakes one waiter.
func runtime_Semacquire(s *uint32)
func runtime_Semrelease(s *uint32)

// fatal reports misuse the way Go's sync does (it calls the runtime's
// fatal, "fatal error: sync: ..."). Without a throw intrinsic it panics
// with the same text.
func fatal(s string) {
	panic(s)
}
