package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Hour)
	fmt.Println(t.Stop(), t.Stop())
	t.Reset(10 * time.Millisecond)
	<-t.C
	fmt.Println("fired")
	fired := make(chan string, 1)
	time.AfterFunc(20*time.Millisecond, func() { fired <- "afterfunc" })
	fmt.Println(<-fired)
}
