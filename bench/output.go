// Output throughput (issue 18.6): N short lines to stdout, written by
// fmt.Println or by os.Stdout.Write, timed inside the program (so start-up
// is not counted) and reported on stderr as lines per second.
// Usage: output println|write N
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

func main() {
	mode := os.Args[1]
	n, _ := strconv.Atoi(os.Args[2])
	line := []byte("line 0123456789\n")
	t0 := time.Now()
	switch mode {
	case "println":
		for i := 0; i < n; i++ {
			fmt.Println("line", i)
		}
	case "write":
		for i := 0; i < n; i++ {
			os.Stdout.Write(line)
		}
	}
	el := time.Since(t0)
	fmt.Fprintf(os.Stderr, "%s %d lines in %v: %.0f lines/s\n", mode, n, el, float64(n)/el.Seconds())
}
