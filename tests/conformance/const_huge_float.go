package main

import "fmt"

const Huge = 1e400
const Big = Huge / 1e300
const Tiny = 1e-400
const Prod = Huge * Tiny

func main() {
	fmt.Println(Big, 1e308*10/100, Prod)
	var f float64 = Huge / 1e350
	fmt.Println(f, Tiny*1e400, Huge > 1e399)
	x := 1e-320
	fmt.Println(x, x*1e10)
	const e = 1 << 500
	fmt.Println(e>>498, float64(e)/1e300, e/(e>>3))
	const third = 1.0 / 3
	fmt.Println(third*3 == 1, third)
	fmt.Println(1e1000/1e999, 5e-324, 2.5e-324*2)
	fmt.Println(1.7976931348623157e308*2/4, 1e308*1e308/1e308/1e300)
	fmt.Println(float64(1<<510*2)/4, 4.9406564584124654e-324/2*4)
	const c = 1e100 >> 1000
	fmt.Println(c, 1e100>>300 == 0, 8.0<<1, 1e30>>90)
	fmt.Println(Huge*Huge/Huge/Huge, -Huge/Huge)
}
