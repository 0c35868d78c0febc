package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panics:", r)
		}
	}()
	f()
	fmt.Println(name, "ok")
}

func main() {
	var b atomic.Bool
	fmt.Println(b.Load(), b.Swap(true), b.Load(), b.CompareAndSwap(false, true), b.CompareAndSwap(true, false), b.Load())
	b.Store(true)
	fmt.Println(b.Load())

	var i32 atomic.Int32
	fmt.Println(i32.Add(-5), i32.Swap(7), i32.CompareAndSwap(7, 9), i32.CompareAndSwap(7, 10), i32.Load())

	var i64 atomic.Int64
	i64.Store(1 << 40)
	fmt.Println(i64.Add(1), i64.Swap(-1), i64.Load(), i64.CompareAndSwap(-1, 3), i64.Load())

	var u atomic.Uint32
	fmt.Println(u.Add(^uint32(0)), u.Swap(5), u.CompareAndSwap(5, 1<<31), u.Load())

	var v atomic.Value
	fmt.Println(v.Load(), v.Swap("a"), v.Swap("b"), v.Load())
	try("store nil", func() { v.Store(nil) })
	try("swap nil", func() { v.Swap(nil) })
	try("store int", func() { v.Store(1) })
	try("swap int", func() { v.Swap(2) })
	try("store string", func() { v.Store("c") })
	fmt.Println(v.Load())

	var n atomic.Int64
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 100; k++ {
				n.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println(n.Load())
}
