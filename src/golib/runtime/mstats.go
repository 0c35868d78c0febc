package runtime

// MemStats records statistics about the garbage-collected heap
// (assembly/runtime/mgc.ts), the fields of Go's MemStats that p9rt keeps.
type MemStats struct {
	Alloc        uint64 // bytes of allocated heap objects (= HeapAlloc)
	TotalAlloc   uint64 // bytes allocated over the whole run
	Sys          uint64 // bytes of pages the heap holds (= HeapSys)
	HeapAlloc    uint64
	HeapSys      uint64
	NextGC       uint64 // HeapAlloc that triggers the next collection
	NumGC        uint32
	PauseTotalNs uint64 // stop-the-world time, in the run's clock
	// p9rt's own: the longest and the last pause, the bytes marked live by
	// the last collection, and how far the heap ever reached (its high-water mark).
	PauseMaxNs  uint64
	PauseLastNs uint64
	HeapLive    uint64
	HeapReach   uint64
}

// memstat returns the statistic i (host/abi/defs.ts MemStat).
func memstat(i int) uint64

// GC runs a garbage collection now.
func GC()

// ReadMemStats fills m with the heap's statistics.
func ReadMemStats(m *MemStats) {
	m.HeapAlloc = memstat(0)
	m.Alloc = m.HeapAlloc
	m.TotalAlloc = memstat(1)
	m.HeapSys = memstat(2)
	m.Sys = m.HeapSys
	m.NextGC = memstat(3)
	m.NumGC = uint32(memstat(4))
	m.PauseTotalNs = memstat(5)
	m.PauseMaxNs = memstat(6)
	m.PauseLastNs = memstat(7)
	m.HeapLive = memstat(8)
	m.HeapReach = memstat(9)
}
