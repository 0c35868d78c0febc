package main

import "fmt"

type T struct {
	A int
	B [3]int
}

func main() {
	t := T{1, [3]int{1, 2, 3}}
	pa := &t.A
	pb := &t.B[1]
	*pa = 10
	*pb = 20
	fmt.Println(t)
	s := []int{1, 2, 3}
	ps := &s[2]
	*ps = 30
	fmt.Println(s)
	s = append(s, 4, 5, 6, 7)
	*ps = 300
	fmt.Println(s[2])
	arr := &[2]string{"a", "b"}
	arr[1] = "B"
	fmt.Println(*arr, len(arr))
}
