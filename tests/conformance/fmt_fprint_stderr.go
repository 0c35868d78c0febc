package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stdout, "to stdout")
	fmt.Fprintln(os.Stderr, "to stderr")
	fmt.Fprintf(os.Stderr, "code %d\n", 7)
	n, err := fmt.Fprint(os.Stdout, "abc\n")
	fmt.Println(n, err)
}
