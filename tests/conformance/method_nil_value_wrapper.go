package main

import "fmt"

type T struct{ x int }

func (t T) M() int { return t.x }

type N int

func (n N) Get() int { return int(n) }

type U struct{ T }

type I interface{ M() int }
type G interface{ Get() int }

var sinkI I
var sinkG G

//go:noinline
func getI() I { return sinkI }

//go:noinline
func getG() G { return sinkG }

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(interface{ RuntimeError() })
		fmt.Println(name+":", r, isRuntime)
	}()
	f()
}

func main() {
	var p *T
	var n *N
	var u *U
	try("iface struct", func() { sinkI = p; getI().M() })
	try("iface named int", func() { sinkG = n; getG().Get() })
	try("iface promoted", func() { sinkI = u; getI().M() })
	try("method expr", func() { f := (*T).M; f(p) })
	try("method expr int", func() { f := (*N).Get; f(n) })
	try("method value", func() { sinkI = p; f := getI().M; f() })
	try("direct", func() { p.M() })
	t := &T{7}
	sinkI = t
	fmt.Println(getI().M(), (*T).M(t))
}
