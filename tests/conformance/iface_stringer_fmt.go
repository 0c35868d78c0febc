package main

import (
	"errors"
	"fmt"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Pair struct{ A, B int }

func (p *Pair) String() string { return fmt.Sprintf("<%d,%d>", p.A, p.B) }

func main() {
	t := Temp(21.5)
	fmt.Println(t)
	fmt.Printf("%v %s %d\n", t, t, 7)
	p := Pair{1, 2}
	fmt.Println(&p, p)
	fmt.Println(errors.New("an error"))
	fmt.Printf("[%v] [%s]\n", errors.New("e"), []Temp{1, 2})
}
