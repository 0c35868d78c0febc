package main

import (
	"fmt"
	"sync"
)

func main() {
	total := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	add := func(n int) {
		mu.Lock()
		defer mu.Unlock()
		total += n
	}
	for i := 1; i <= 100; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			add(i)
		}(i)
	}
	wg.Wait()
	fmt.Println(total)
}
