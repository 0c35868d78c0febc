// The CPU kernels of issue 13, self-timed: each line is "name value unit".
// The same source runs natively, as Go's js/wasm port and on p9rt (bench/engine.mjs).
package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

// calls made by fib(n)
func fibcalls(n int) int {
	if n < 2 {
		return 1
	}
	return 1 + fibcalls(n-1) + fibcalls(n-2)
}

func sieve(n int) int {
	composite := make([]bool, n)
	c := 0
	for i := 2; i < n; i++ {
		if !composite[i] {
			c++
			for j := i * 2; j < n; j += i {
				composite[j] = true
			}
		}
	}
	return c
}

func numbers(n int) int {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strconv.Itoa(i * 7))
		b.WriteByte(' ')
	}
	sum := 0
	for _, f := range strings.Fields(b.String()) {
		v, err := strconv.Atoi(f)
		if err != nil {
			panic(err)
		}
		sum += v
	}
	return sum
}

func sprintf(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += len(fmt.Sprintf("item %d: %s=%v (%x)", i, "key", i*3, i))
	}
	return t
}

type pair struct {
	k int
	s string
}

func sortSlice(n int) int {
	xs := make([]pair, n)
	seed := uint32(1)
	for i := range xs {
		seed = seed*1664525 + 1013904223
		xs[i] = pair{int(seed >> 8), "x"}
	}
	sort.Slice(xs, func(i, j int) bool { return xs[i].k < xs[j].k })
	return xs[0].k
}

func pingpong(n int) int {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	s := 0
	for i := 0; i < n; i++ {
		ping <- i
		s += <-pong
	}
	close(ping)
	return s
}

func main() {
	scale, reps := 1, 5
	if len(os.Args) > 1 {
		scale, _ = strconv.Atoi(os.Args[1])
	}
	if len(os.Args) > 2 {
		reps, _ = strconv.Atoi(os.Args[2])
	}
	sink := 0
	// Each kernel runs once to warm up (Go's js/wasm and p9rt's wasm engine
	// compile functions at their first calls), then reps times timed; the
	// fastest counts, as the one least disturbed by the rest of a shared
	// machine (every configuration alike).
	measure := func(name, unit string, units int, f func() int) {
		sink += f()
		best := int64(-1)
		for r := 0; r < reps; r++ {
			t := time.Now()
			sink += f()
			if ns := time.Since(t).Nanoseconds(); best < 0 || ns < best {
				best = ns
			}
		}
		fmt.Printf("%s %.1f %s\n", name, float64(best)/float64(units), unit)
	}
	measure("fib", "ns/call", fibcalls(22+scale), func() int { return fib(22 + scale) })
	measure("sieve", "ns/n", 200000*scale, func() int { return sieve(200000 * scale) })
	measure("strings", "ns/number", 2000*scale, func() int { return numbers(2000 * scale) })
	measure("sprintf", "ns/call", 1000*scale, func() int { return sprintf(1000 * scale) })
	measure("sort", "ns/element", 2000*scale, func() int { return sortSlice(2000 * scale) })
	measure("chan", "ns/roundtrip", 5000*scale, func() int { return pingpong(5000 * scale) })
	if sink == 42 {
		fmt.Println()
	}
}
