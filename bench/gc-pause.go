// gc-pause.go: what one runtime.GC() costs as the heap grows. For each live
// size it builds the heap (KIND "small": 32-byte objects reached through a
// pointer slice, the collector's worst case per byte; "buffers": 64 KiB byte
// buffers, which it marks without scanning), then calls runtime.GC() RUNS
// times and prints the pauses the runtime measured (MemStats.PauseLastNs,
// wall clock inside the collector): median and per MiB live. Last, it drops
// everything and measures again: a heap that once was large but holds
// little must collect as fast as a small one.
// Args: KIND MiB... (e.g. small 0 16 64 256)
package main

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
)

const runs = 9

var small []*[4]int
var buffers [][]byte

func pause() (median uint64, live uint64) {
	var ps []uint64
	var m runtime.MemStats
	for i := 0; i < runs; i++ {
		runtime.GC()
		runtime.ReadMemStats(&m)
		ps = append(ps, m.PauseLastNs)
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i] < ps[j] })
	return ps[runs/2], m.HeapLive
}

func report(what string) {
	p, live := pause()
	perMiB := "-"
	if live >= 1<<20 {
		perMiB = fmt.Sprintf("%.1f us/MiB", float64(p)/1e3/(float64(live)/(1<<20)))
	}
	fmt.Printf("%-28s live %4d MiB: runtime.GC() pause median %8.1f us  (%s)\n", what, live>>20, float64(p)/1e3, perMiB)
}

func main() {
	kind := os.Args[1]
	for _, a := range os.Args[2:] {
		mib, err := strconv.Atoi(a)
		if err != nil {
			panic(err)
		}
		small, buffers = nil, nil
		switch kind {
		case "small":
			n := mib << 20 / 40 // a 32-byte object and its 8-byte pointer
			small = make([]*[4]int, 0, n)
			for i := 0; i < n; i++ {
				small = append(small, new([4]int))
			}
		case "buffers":
			for i := 0; i < mib*16; i++ {
				buffers = append(buffers, make([]byte, 64<<10))
			}
		}
		report(fmt.Sprintf("%s %d MiB", kind, mib))
	}
	small, buffers = nil, nil
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	report(fmt.Sprintf("dropped (reached %d MiB)", m.HeapReach>>20))
}
