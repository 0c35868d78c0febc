package main

import "fmt"

var trace string

func f(s string) int { trace += s; return len(trace) % 3 }

func a(s string) func(int) func(int) int {
	trace += "a" + s
	return func(int) func(int) int {
		trace += "a2"
		return func(int) int { trace += "a3"; return 0 }
	}
}
func b(s string) int { trace += "b" + s; return 0 }

func g() int { fmt.Println("g"); return 1 }

type S struct{ x int }

func try(name string, fn func()) {
	defer func() { fmt.Println(name, recover()) }()
	fn()
}

func main() {
	var a3 [4]int
	m := map[int]int{}
	a3[f("a")] = f("b")
	m[f("c")], a3[f("d")] = f("e"), f("f")
	fmt.Println(trace, a3, len(m))
	trace = ""
	a("1")(b("2"))(b("3"))
	fmt.Println(trace)

	x := []int{0, 0, 0}
	i := 0
	i, x[i] = 1, 100
	fmt.Println(i, x)
	p := new(int)
	q := p
	p, *p = nil, 5
	fmt.Println(p == nil, *q)
	i = 0
	x[i], i = 7, 2
	fmt.Println(i, x)
	sp := &S{1}
	old := sp
	sp, sp.x = &S{2}, 9
	fmt.Println(sp.x, old.x)
	arr := [3]int{}
	k := 0
	arr[k], k, arr[k] = 1, 2, 3
	fmt.Println(arr, k)

	// the checks come after the right side is evaluated
	try("slice", func() { var s []int; s[0] = g() })
	try("field", func() { var p *S; p.x = g() })
	try("map", func() { var m map[int]int; m[g()] = g() })
	try("deref", func() { var p *int; *p = g() })
	try("tuple", func() { var s []int; var t int; s[0], t = 1, g(); _ = t })
	try("opassign", func() { var s []int; s[0] += g() })
	try("divide", func() { var s []int; z := 0; s[0] = 1 / z })
}
