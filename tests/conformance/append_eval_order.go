package main

import "fmt"

type P struct{ a, b int }

func main() {
	s := []byte("1234x6")
	s = append(s[:4], '5', s[5])
	fmt.Println(string(s))
	t := []int{1, 2, 3, 4, 5}
	t = append(t[:2], t[3], t[4], t[2])
	fmt.Println(t)
	u := []int{1, 2, 3}
	u = append(u[:1], u...)
	fmt.Println(u)
	ps := []P{{1, 1}, {2, 2}, {3, 3}, {4, 4}}
	ps = append(ps[:1], ps[2], ps[1])
	fmt.Println(ps)
	a := [4]int{1, 2, 3, 4}
	w := append(a[:1], a[3], a[2], a[1])
	fmt.Println(w, a)
}
