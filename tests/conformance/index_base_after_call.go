package main

import "fmt"

// gc loads a slice, map or field operand after the calls in the same
// expression, where p9rt loads it in lexical order: the spec leaves the
// order of a load and a call open, and gc's is the one programs meet.
type T struct{ s []int }

func (t *T) grow() int { t.s = append(t.s, 0, 0); return len(t.s) - 1 }

var g = []int{1, 2, 3}

func swap() int { g = []int{7, 8, 9}; return 0 }

func main() {
	t := &T{s: []int{1}}
	t.s[t.grow()] = 5
	fmt.Println(t.s)
	x := g[swap()]
	fmt.Println(x)
	u := &T{s: []int{1}}
	y := u.s[len(u.s)-1] + u.grow()
	fmt.Println(y, u.s)
}
