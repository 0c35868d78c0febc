package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	fmt.Println(rw.TryRLock(), rw.TryRLock(), rw.TryLock())
	rw.RUnlock()
	rw.RUnlock()
	fmt.Println(rw.TryLock(), rw.TryRLock(), rw.TryLock())
	rw.Unlock()
	fmt.Printf("%T\n", rw.RLocker())

	// A writer waits for the readers inside, and readers arriving after it
	// wait for the writer.
	var log []string
	var mu sync.Mutex
	note := func(s string) { mu.Lock(); log = append(log, s); mu.Unlock() }
	var wg sync.WaitGroup
	rw.RLock()
	wg.Add(2)
	go func() {
		defer wg.Done()
		rw.Lock()
		note("writer in")
		time.Sleep(time.Millisecond)
		note("writer out")
		rw.Unlock()
	}()
	time.Sleep(time.Millisecond)
	go func() {
		defer wg.Done()
		rw.RLock()
		note("late reader in")
		rw.RUnlock()
	}()
	time.Sleep(time.Millisecond)
	note("first reader out")
	rw.RUnlock()
	wg.Wait()
	for _, s := range log {
		fmt.Println(s)
	}

	// Many readers and writers on one counter.
	n := 0
	for g := 0; g < 4; g++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				rw.Lock()
				n++
				rw.Unlock()
			}
		}()
		go func() {
			defer wg.Done()
			l := rw.RLocker()
			for i := 0; i < 50; i++ {
				l.Lock()
				_ = n
				l.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(n)
}
