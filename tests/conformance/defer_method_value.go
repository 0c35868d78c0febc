package main

import "fmt"

type T struct{ name string }

func (t T) Hello()   { fmt.Println("hello", t.name) }
func (t *T) PHello() { fmt.Println("phello", t.name) }

func main() {
	t := T{"a"}
	defer t.Hello()
	defer t.PHello()
	t.name = "b"
}
