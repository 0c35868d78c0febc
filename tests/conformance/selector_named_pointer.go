package main

type node struct{ val int }
type P *node

func main() {
	var p P = &node{7}
	println(p.val)
	p.val = 9
	println((*p).val)
}
