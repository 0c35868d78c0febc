package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{0, 1, -1, 999, 1500 * time.Microsecond, -1500 * time.Millisecond, 90 * time.Minute,
		1<<63 - 1, -1 << 63, 36*time.Hour + 1, 7*time.Second + 499*time.Millisecond, -7*time.Second - 500*time.Millisecond}
	ms := []time.Duration{0, -1, 1, time.Millisecond, time.Second, 2 * time.Hour, 3}
	for _, d := range ds {
		fmt.Println(d, d.Nanoseconds(), d.Microseconds(), d.Milliseconds(), d.Seconds(), d.Minutes(), d.Hours(), d.Abs())
		for _, m := range ms {
			fmt.Print(" ", d.Round(m), "/", d.Truncate(m))
		}
		fmt.Println()
	}
	fmt.Println(time.Duration(1<<63-1).Round(time.Hour), time.Duration(-1<<63).Round(time.Hour), time.Duration(1<<63-1).Round(3*time.Hour/2))
}
