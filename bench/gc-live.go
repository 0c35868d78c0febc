// gc-live.go: allocate TOTAL MiB (default 10240, i.e. 10 GiB) in 64 KiB
// buffers while keeping a ring of 160 of them (10 MiB) live; every buffer
// is checked when it leaves the ring, so a collector that freed a live
// buffer (and let it be reused) is caught. Prints the heap's statistics.
// Args: [TOTAL_MiB] [off] ("off": debug.SetGCPercent(-1), the no-GC baseline).
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
)

const bufSize = 64 << 10
const ringLen = 160

func main() {
	total := 10240
	if len(os.Args) > 1 {
		n, err := strconv.Atoi(os.Args[1])
		if err != nil {
			panic(err)
		}
		total = n
	}
	if len(os.Args) > 2 && os.Args[2] == "off" {
		debug.SetGCPercent(-1)
	}
	ring := make([][]byte, ringLen)
	var ms runtime.MemStats
	maxSys := uint64(0)
	n := total * (1 << 20) / bufSize
	for i := 0; i < n; i++ {
		b := make([]byte, bufSize)
		b[0] = byte(i)
		b[bufSize-1] = byte(i >> 8)
		k := i % ringLen
		if old := ring[k]; old != nil {
			j := i - ringLen
			if old[0] != byte(j) || old[bufSize-1] != byte(j>>8) {
				fmt.Println("corrupted buffer", j)
				os.Exit(3)
			}
		}
		ring[k] = b
		if i%1024 == 0 {
			runtime.ReadMemStats(&ms)
			if ms.HeapSys > maxSys {
				maxSys = ms.HeapSys
			}
		}
	}
	runtime.ReadMemStats(&ms)
	if ms.HeapSys > maxSys {
		maxSys = ms.HeapSys
	}
	fmt.Printf("allocated %d MiB keeping %d MiB live\n", ms.TotalAlloc>>20, ringLen*bufSize>>20)
	fmt.Printf("heap: max %d MiB held, %d MiB reached, %d collections\n", maxSys>>20, ms.HeapReach>>20, ms.NumGC)
	fmt.Printf("pauses: total %d us, max %d us\n", ms.PauseTotalNs/1000, ms.PauseMaxNs/1000)
}
