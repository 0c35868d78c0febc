package main

import "fmt"

func main() {
	var x []struct{}
	x = append(x, struct{}{})
	x = append(x, x...)
	fmt.Println(len(x), cap(x))
	y := make([]struct{}, 10, 20)
	fmt.Println(copy(y, x), len(y), cap(y))
	n := 0
	for i, v := range y {
		n += i
		_ = v
	}
	fmt.Println(n, y[9] == struct{}{}, len(y[2:5]))
	p := &y[3]
	fmt.Println(*p == struct{}{})
	var z [0]int
	fmt.Println(len(z))
	var big [1 << 30]struct{}
	fmt.Println(len(big), big[1<<29])
	s := big[:]
	fmt.Println(len(s), cap(s))
	s = append(s, struct{}{})
	fmt.Println(len(s))
	e := [][0]int{{}, {}}
	e = append(e, [0]int{})
	fmt.Println(len(e), e[2])
	func() {
		defer func() { fmt.Println(recover()) }()
		n := -1
		_ = make([]struct{}, n)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		n := 1 << 62
		_ = make([]int64, n)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		n := 1 << 62
		_ = make([]int64, 1, n)
	}()
}
