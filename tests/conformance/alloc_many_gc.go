package main

import "fmt"

type node struct {
	next *node
	data [8]int
}

func main() {
	var keep *node
	total := 0
	for i := 0; i < 200000; i++ {
		n := &node{}
		n.data[0] = i
		if i%1000 == 0 {
			n.next = keep
			keep = n
		}
		total += n.data[0] & 1
	}
	c := 0
	for p := keep; p != nil; p = p.next {
		c++
	}
	fmt.Println(total, c)
}
