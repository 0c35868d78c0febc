package main

import "fmt"

type I interface{ M() }

type E interface{}

type A struct{}

func (A) M() {}

type B struct{}

func (B) M() {}

func try(f func()) {
	defer func() {
		fmt.Println(recover())
	}()
	f()
}

func main() {
	var i I = A{}
	var e E = 3
	var n I
	try(func() { _ = i.(B) })
	try(func() { _ = e.(string) })
	try(func() { _ = n.(A) })
	try(func() { var x any = i; _ = x.(B) })
	_ = i.(A)
	fmt.Println("ok")
	_ = i.(*A)
}
