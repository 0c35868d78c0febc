package main

import (
	"fmt"
	"strings"
)

type Celsius float64
type IntList []int
type Set map[string]bool
type Op func(int) int

func (c Celsius) F() float64 { return float64(c)*9/5 + 32 }
func (l IntList) Sum() (s int) {
	for _, v := range l {
		s += v
	}
	return
}
func (s Set) Keys() int { return len(s) }
func (o Op) Twice(x int) int { return o(o(x)) }

type Words string

func (w Words) Count() int { return len(strings.Fields(string(w))) }

func main() {
	fmt.Println(Celsius(100).F(), IntList{1, 2, 3}.Sum(), Set{"a": true}.Keys())
	fmt.Println(Op(func(x int) int { return x + 3 }).Twice(1), Words("a b  c").Count())
}
