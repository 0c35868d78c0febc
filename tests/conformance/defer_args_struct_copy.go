package main

import "fmt"

type S struct{ v int }

func show(tag string, s S, a [2]int) { fmt.Println(tag, s.v, a) }

func main() {
	s := S{1}
	a := [2]int{1, 2}
	defer show("defer", s, a)
	done := make(chan bool)
	go func(s S, a [2]int) {
		<-done
		show("go", s, a)
		done <- true
	}(s, a)
	s.v = 99
	a[0] = 99
	done <- true
	<-done
	show("now", s, a)
}
