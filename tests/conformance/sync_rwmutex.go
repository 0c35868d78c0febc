package main

import (
	"fmt"
	"sync"
)

type Store struct {
	mu sync.RWMutex
	m  map[string]int
}

func (s *Store) Get(k string) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.m[k]
}

func (s *Store) Set(k string, v int) {
	s.mu.Lock()
	s.m[k] = v
	s.mu.Unlock()
}

func main() {
	s := &Store{m: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(2)
		go func(i int) { defer wg.Done(); s.Set(fmt.Sprint(i), i*i) }(i)
		go func(i int) { defer wg.Done(); _ = s.Get(fmt.Sprint(i)) }(i)
	}
	wg.Wait()
	total := 0
	for i := 0; i < 10; i++ {
		total += s.Get(fmt.Sprint(i))
	}
	fmt.Println(total)
}
