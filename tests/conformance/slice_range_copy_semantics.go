package main

import "fmt"

type P struct{ X int }

func main() {
	ps := []P{{1}, {2}, {3}}
	for _, p := range ps {
		p.X *= 10
	}
	fmt.Println(ps)
	for i := range ps {
		ps[i].X *= 10
	}
	fmt.Println(ps)
	s := []int{1, 2, 3}
	for i, v := range s {
		if i == 0 {
			s[2] = 100
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		if i == 0 {
			arr[2] = 100
		}
		fmt.Print(v, " ")
	}
	fmt.Println(arr)
}
