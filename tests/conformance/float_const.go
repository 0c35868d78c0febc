package main

import "fmt"

const Pi = 3.14159265358979323846264338327950288419716939937510582097494459
const third = 1.0 / 3

func main() {
	fmt.Println(Pi, third, Pi*2)
	var x float64 = 1 << 62
	fmt.Println(x)
	const huge = 1e300 * 1e300 / 1e300
	fmt.Println(huge)
	fmt.Printf("%T %T\n", third, 2.0)
}
