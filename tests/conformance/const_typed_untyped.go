package main

import "fmt"

const (
	Big   = 1 << 62
	Small = Big >> 61
	Typed int8 = 100
	Str   = "const" + "ant"
	R     = 'x'
	F     = 1.5
)

func main() {
	var f float64 = Small
	var i8 int8 = Typed / 3
	fmt.Println(Big, Small, f, i8, Str, R, F*2)
	fmt.Printf("%T %T %T %T\n", Small, R, F, Str)
	x := 10
	fmt.Println(float64(x)*F > 14, 7/2*2.0)
}
