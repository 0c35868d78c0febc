// gc-churn.go: an allocation-heavy program of small objects: maps, strings,
// closures, interfaces, slices of pointers, goroutines and channels, with a
// working set that changes all the time. Its output is a checksum, the same
// with the collector on and off ("off" arg), so it is also a correctness test.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
)

type item struct {
	key  string
	val  []int
	next *item
	f    func() int
	any  interface{}
}

func build(round, n int) map[string]*item {
	m := make(map[string]*item)
	var prev *item
	for i := 0; i < n; i++ {
		k := "k" + strconv.Itoa(round) + "-" + strconv.Itoa(i)
		v := make([]int, i%17+1)
		for j := range v {
			v[j] = i * j
		}
		c := i
		it := &item{key: k, val: v, next: prev, f: func() int { return c * 3 }}
		if i%3 == 0 {
			it.any = k + "!"
		} else {
			it.any = i
		}
		m[k] = it
		prev = it
	}
	return m
}

func sum(m map[string]*item) int {
	s := 0
	for k, it := range m {
		if it.key != k {
			panic("key")
		}
		for _, x := range it.val {
			s += x
		}
		s += it.f()
		switch a := it.any.(type) {
		case string:
			s += len(a)
		case int:
			s += a
		}
	}
	return s
}

func worker(in <-chan []string, out chan<- int) {
	for words := range in {
		out <- len(strings.Join(words, ","))
	}
	close(out)
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "off" {
		debug.SetGCPercent(-1)
	}
	rounds := 40
	var keep []map[string]*item
	check := 0
	in := make(chan []string, 4)
	out := make(chan int, 4)
	go worker(in, out)
	for r := 0; r < rounds; r++ {
		m := build(r, 2000)
		check += sum(m)
		if r%10 == 0 {
			keep = append(keep, m)
		}
		words := strings.Fields(strings.Repeat("alpha beta gamma ", 50+r))
		in <- words
		check += <-out
	}
	close(in)
	for _, m := range keep {
		check += sum(m)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("checksum", check)
	fmt.Fprintf(os.Stderr, "allocated %d MiB, %d collections, %d MiB reached, pauses total %d us max %d us\n",
		ms.TotalAlloc>>20, ms.NumGC, ms.HeapReach>>20, ms.PauseTotalNs/1000, ms.PauseMaxNs/1000)
}
