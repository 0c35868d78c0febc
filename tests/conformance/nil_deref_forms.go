package main

import "fmt"

type Inner struct {
	a, b int
	arr  [4]int
}

func (in Inner) Val() int  { return in.a }
func (in *Inner) Ptr() int { return 7 }

type S struct {
	n  int
	x  [8]int
	in Inner
	Inner
	s  string
	bs [16]byte
}

func (s S) Get() int   { return s.n }
func (s *S) PGet() int { return 1 }

type Big struct {
	pad [1 << 17]int
	x   [8]int
	y   int
	in  Inner
}

type Huge struct {
	pad [1 << 24]int
	y   int
	arr [4]int
}

var sink int
var sinkS S
var sinkB Big

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			fmt.Println(name+":", e.Error())
		} else {
			fmt.Println(name+": no panic", r)
		}
	}()
	f()
}

func main() {
	var p *S
	var b *Big
	var h *Huge
	var ap *[4]int
	var bp *[1 << 20]int
	i := 3
	k := 5
	try("field", func() { sink = p.n })
	try("array field elem", func() { sink = p.x[3] })
	try("array field elem var", func() { sink = p.x[i] })
	try("array field store", func() { p.x[3] = 42 })
	try("array field store var", func() { p.x[i] = 42 })
	try("byte array field", func() { sink = int(p.bs[i]) })
	try("byte array field store", func() { p.bs[i] = 1 })
	try("nested struct field", func() { sink = p.in.b })
	try("nested struct array", func() { sink = p.in.arr[2] })
	try("nested struct array store", func() { p.in.arr[2] = 9 })
	try("embedded field", func() { sink = p.b })
	try("embedded array", func() { p.arr[1] = 3 })
	try("string field", func() { sink = len(p.s) })
	try("big offset field", func() { sink = b.y })
	try("big offset array", func() { sink = b.x[3] })
	try("big offset array store", func() { b.x[i] = 1 })
	try("big offset nested", func() { b.in.arr[1] = 1 })
	try("huge offset field", func() { h.y = 1 })
	try("huge offset array", func() { h.arr[i] = 1 })
	try("array pointer", func() { sink = ap[2] })
	try("array pointer store", func() { ap[i] = 2 })
	try("array pointer out of range", func() { sink = ap[k] })
	try("big array pointer", func() { bp[1<<19] = 2 })
	try("array pointer slice", func() { sink = len(ap[1:]) })
	try("array pointer len", func() { sink = len(ap) })
	try("array pointer range", func() {
		for j := range ap {
			sink += j
		}
	})
	try("array pointer range value", func() {
		for _, v := range ap {
			sink += v
		}
	})
	try("copy struct", func() { sinkS = *p })
	try("copy big struct", func() { sinkB = *b })
	try("store struct", func() { *p = S{} })
	try("copy inner", func() { x := p.in; sink = x.a })
	try("value method value", func() { f := p.Get; sink = f() })
	try("value method call", func() { sink = p.Get() })
	try("pointer method value", func() { f := p.PGet; sink = f() })
	try("embedded value method", func() { sink = p.Val() })
	try("embedded value method value", func() { f := p.Val; sink = f() })
	try("embedded pointer method", func() { sink = p.Ptr() })
	try("field address", func() { q := &p.n; sink = *q })
	try("array field address", func() { q := &p.x[2]; sink = *q })
	try("nested address", func() { q := &p.in; sink = q.a })
	try("big address", func() { q := &b.y; sink = *q })
	try("slice of array field", func() { sink = len(p.x[:]) })
	try("increment", func() { p.x[1]++ })
	try("compound", func() { p.in.arr[1] += 5 })
	var pi *int
	try("int pointer", func() { sink = *pi })
	try("int pointer store", func() { *pi = 1 })
	var pp **S
	try("double pointer", func() { sink = (*pp).n })
	fmt.Println("done")
}
