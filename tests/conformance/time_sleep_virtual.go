package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(50 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 50*time.Millisecond, el < 5*time.Second)
	fmt.Println(time.Duration(1500)*time.Millisecond, 90*time.Second, time.Duration(0), 1500*time.Microsecond, 3*time.Nanosecond)
	fmt.Println(time.Hour+30*time.Minute, (2 * time.Hour).Seconds() > 0)
}
