package main

import "fmt"

func main() {
	x := 3.14159265
	fmt.Printf("%f|%.2f|%8.3f|%-8.1f|%e|%.3e|%g|%G\n", x, x, x, x, x, x, x, x)
	fmt.Printf("%v %v %v\n", 1e21, 1e-7, 100.0)
	fmt.Printf("%6.2f|%06.2f|%+.1f\n", -2.5, 2.5, 2.25)
	fmt.Printf("%.0f %.0f %.0f\n", 0.5, 1.5, 2.5)
}
