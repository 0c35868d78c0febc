package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n int32
	var c atomic.Int64
	var flag atomic.Bool
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt32(&n, 2)
			c.Add(3)
			flag.Store(true)
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt32(&n), c.Load(), flag.Load())
	fmt.Println(atomic.CompareAndSwapInt32(&n, 40, 1), atomic.CompareAndSwapInt32(&n, 40, 2), n)
	atomic.StoreInt32(&n, -5)
	var v atomic.Value
	v.Store("hello")
	var u atomic.Uint32
	u.Add(7)
	fmt.Println(n, v.Load(), u.Load())
}
