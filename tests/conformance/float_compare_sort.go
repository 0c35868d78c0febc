package main

import (
	"fmt"
	"sort"
)

func main() {
	xs := []float64{3.5, -1, 2.25, 0, 1e-9, -1e9}
	sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })
	fmt.Println(xs)
	fmt.Println(xs[0] < xs[1], xs[len(xs)-1] > 3)
}
