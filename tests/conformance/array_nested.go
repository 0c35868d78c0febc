package main

import "fmt"

type Mat [2][2]int

func (m Mat) Mul(o Mat) Mat {
	var r Mat
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			for k := 0; k < 2; k++ {
				r[i][j] += m[i][k] * o[k][j]
			}
		}
	}
	return r
}

func main() {
	f := Mat{{1, 1}, {1, 0}}
	r := Mat{{1, 0}, {0, 1}}
	for i := 0; i < 10; i++ {
		r = r.Mul(f)
	}
	fmt.Println(r, r[0][1])
	g := r
	g[0][0] = 0
	fmt.Println(r[0][0], g[0][0])
}
