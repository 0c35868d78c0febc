package main

import "fmt"

type L []int

func (l L) Len() int    { return len(l) }
func (l *L) Push(x int) { *l = append(*l, x) }

type N int

func (n N) Double() N { return n * 2 }

type Inner struct{ v int }

func (i Inner) Get() int   { return i.v }
func (i *Inner) Set(v int) { i.v = v }

type Outer struct {
	*Inner
	name string
}
type Outer2 struct{ Inner }

type Getter interface{ Get() int }
type Wrap struct{ Getter }

type N2 int

func (n N2) String() string { return fmt.Sprint("N2=", int(n)) }

func main() {
	l := L{1, 2}
	push := (*L).Push
	push(&l, 3)
	fmt.Println((*L).Len(&l), L.Len(l))
	n := N(4)
	fmt.Println((*N).Double(&n), N.Double(n))
	o := Outer{&Inner{5}, "o"}
	Outer.Set(o, 6)
	fmt.Println(Outer.Get(o), (*Outer).Get(&o))
	o2 := Outer2{Inner{7}}
	(*Outer2).Set(&o2, 8)
	fmt.Println(Outer2.Get(o2), (*Outer2).Get(&o2))
	fmt.Println(Getter.Get(Inner{9}), Wrap.Get(Wrap{Inner{10}}))
	fmt.Println(fmt.Stringer.String(N2(3)), error.Error(fmt.Errorf("e%d", 1)))
	var fs []func(Getter) int
	fs = append(fs, Getter.Get)
	fmt.Println(fs[0](Inner{11}))
	fmt.Printf("%T\n", (*Outer).Get)
}
