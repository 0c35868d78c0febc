package main

import "fmt"

type Namer interface{ Name() string }

type Base struct{ id int }

func (b Base) Name() string { return fmt.Sprint("base#", b.id) }

type Wrapper struct {
	Base
	extra string
}

type Override struct{ Base }

func (Override) Name() string { return "override" }

func show(n Namer) { fmt.Println(n.Name()) }

func main() {
	show(Wrapper{Base{1}, "x"})
	show(&Wrapper{Base{2}, "y"})
	show(Override{Base{3}})
	var n Namer = Wrapper{Base{4}, ""}
	_, isW := n.(Wrapper)
	_, isB := n.(Base)
	fmt.Println(isW, isB)
}
