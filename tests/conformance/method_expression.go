package main

import "fmt"

type P struct{ x int }

func (p P) Double() int   { return p.x * 2 }
func (p *P) Set(v int)    { p.x = v }

func main() {
	f := P.Double
	g := (*P).Set
	p := P{4}
	fmt.Println(f(p))
	g(&p, 10)
	fmt.Println(p.x, f(p))
}
