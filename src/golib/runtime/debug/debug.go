// Package debug: the part of Go's runtime/debug that p9rt's collector has.
package debug

// SetGCPercent sets GOGC (the heap growth, in percent of the live heap,
// that triggers a collection) and returns the previous setting. A negative
// percentage turns the collector off.
func SetGCPercent(percent int) int
