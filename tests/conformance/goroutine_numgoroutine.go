package main

import (
	"fmt"
	"runtime"
)

func main() {
	before := runtime.NumGoroutine()
	stop := make(chan bool)
	started := make(chan bool)
	for i := 0; i < 5; i++ {
		go func() {
			started <- true
			<-stop
		}()
	}
	for i := 0; i < 5; i++ {
		<-started
	}
	fmt.Println(runtime.NumGoroutine() - before)
	close(stop)
	fmt.Println(runtime.GOOS != "", runtime.GOMAXPROCS(0) > 0)
}
