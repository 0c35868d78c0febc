package main

import "fmt"

type Shape interface{ Area() int }
type Sq struct{ s int }
type Rect struct{ w, h int }

func (q Sq) Area() int    { return q.s * q.s }
func (r *Rect) Area() int { return r.w * r.h }

func main() {
	shapes := []Shape{Sq{3}, &Rect{2, 5}, Sq{1}}
	total := 0
	for _, s := range shapes {
		total += s.Area()
		fmt.Printf("%T %v\n", s, s.Area())
	}
	fmt.Println(total)
}
