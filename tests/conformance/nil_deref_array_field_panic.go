package main

import "fmt"

// A nil pointer to a struct whose array field lies past a large offset:
// the store must panic, not write below the offset into shared memory.
type S struct {
	pad [1 << 16]int
	x   [8]int
}

func main() {
	var p *S
	fmt.Println("before")
	p.x[3] = 42
	fmt.Println("after")
}
