package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name+":", recover()) }()
	f()
}

func main() {
	neg := -1
	huge := 1 << 50
	try("negative", func() { _ = make(chan int, neg) })
	try("past maxAlloc", func() { _ = make(chan int64, huge) })
	try("past maxAlloc, strings", func() { _ = make(chan string, huge) })
	c := make(chan int, 1<<20)
	c <- 5
	fmt.Println(len(c), cap(c), <-c)
	z := make(chan struct{}, 1000)
	z <- struct{}{}
	fmt.Println(len(z), cap(z))
}
