package main

import "fmt"

func main() {
	xs := []float64{0, 1, -1, 0.1, 0.5, 1.5, 100, 1e6, 1e20, 1e21, 1e-4, 1e-5, 123456789.125, 3.141592653589793, 2.0 / 3, 1e100, 5e-324, 1.7976931348623157e308}
	for _, x := range xs {
		fmt.Println(x)
	}
}
