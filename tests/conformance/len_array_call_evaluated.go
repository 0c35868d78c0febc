package main

var calls int

func f() *[4]int { calls++; return nil }
func g() [3]int  { calls++; return [3]int{} }

type S struct{ a [2]int }

func h() S { calls++; return S{} }

func main() {
	println(len(f()), cap(f()), len(g()), len(h().a), calls)
	c := make(chan [2]int, 1)
	c <- [2]int{}
	println(len(<-c), len(c))
	var p *[5]int
	println(len(p), cap(p))
	const k = len([3]int{})
	var a [k]int
	println(len(a), len([2][3]int{}[1]))
	n := 0
	for i := range f() {
		n += i
	}
	println(calls, n)
	for range g() {
		n++
	}
	for i := range p {
		n += i
	}
	println(calls, n)
	defer func() { println("recovered", recover() != nil, calls) }()
	for i, v := range f() {
		n += i + v
	}
}
