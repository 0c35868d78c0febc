package main

import "fmt"

// gc runs the calls of a statement (and len, cap, append, receives) first,
// each into a temporary, and reads variables, fields, elements and
// indirections after them: what a call changes is seen by the loads of the
// same statement, wherever they stand. The spec leaves the order of a load
// and a call open; this is the order Go programs meet.

type T struct {
	s []int
	n int
}

func (t *T) grow() int { t.s = append(t.s, 0, 0); return len(t.s) - 1 }
func (t *T) bump() int { t.n += 10; return 1 }
func (t T) get() int   { return t.n }

var g = 1

func setg(v int) int { g = v; return 0 }

var log []string

func note(s string, v int) int { log = append(log, s); return v }

func pair() (int, int) { g = 7; return 1, 2 }

func two(a, b int) int { return a*10 + b }

func named() (r int) {
	r = 5
	return r + setg(9)
}

func main() {
	// a load on the left of a call sees what the call did
	fmt.Println("add", g+setg(2), g)
	g = 1
	fmt.Println("args", two(g, setg(3)))
	t := &T{n: 1}
	fmt.Println("field", t.n+t.bump(), t.n)
	arr := [3]int{1, 2, 3}
	p := &arr
	fmt.Println("deref", p[0]+func() int { p = &[3]int{40, 50, 60}; return 0 }())
	// len and cap are ordered as calls: read before a later call
	xs := []int{1, 2}
	fmt.Println("len", len(xs)+func() int { xs = []int{1, 2, 3, 4}; return 0 }())
	// the operand of an index, on either side of an assignment
	u := &T{s: []int{1}}
	u.s[u.grow()] = 5
	fmt.Println("index-lhs", u.s)
	v := &T{s: []int{1}}
	w := v.s[len(v.s)-1] + v.grow()
	fmt.Println("index-rhs", w, v.s)
	// op-assignment, send, return, defer arguments
	k := 1
	k += func() int { k = 100; return 1 }()
	fmt.Println("opassign", k)
	c := make(chan int, 1)
	g = 1
	c <- g + setg(4)
	fmt.Println("send", <-c)
	fmt.Println("return", named())
	g = 1
	func() {
		defer fmt.Println("defer", g, setg(8))
	}()
	// && and ||: the right side's calls run inside its branch, after the left
	g = 1
	ok := g == 1 && setg(2) == 0 && g == 2
	fmt.Println("andand", ok, g)
	g = 1
	ok = g == 2 || note("or", 1) == 1 && g == 1
	fmt.Println("oror", ok, log)
	// calls among themselves keep their order: arguments, then the call, left to right
	log = nil
	_ = two(note("a", 1), note("b", 2)) + note("c", 3)*two(note("d", 4), 5)
	fmt.Println("calls", log)
	// a multi-value call spread into arguments
	g = 1
	fmt.Println("spread", g, two(pair()), g)
	// a value method's receiver copy is read after the statement's calls
	r := T{n: 1}
	fmt.Println("recv", r.get()+func() int { r.n = 30; return 0 }())
	// map elements and string concatenation
	m := map[string]int{"a": 1}
	fmt.Println("map", m["a"]+func() int { m["a"] = 9; return 0 }())
	str := "x"
	fmt.Println("concat", str+fmt.Sprint(func() int { str = "y"; return 0 }()))
	// if and for conditions are ordered where they stand
	g = 1
	if g+setg(5) == 5 {
		fmt.Println("if", g)
	}
	n := 0
	for g = 0; g+setg(g+1) < 3; n++ {
	}
	fmt.Println("for", n, g)
}
