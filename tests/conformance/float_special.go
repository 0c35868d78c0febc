package main

import "fmt"

func main() {
	zero := 0.0
	inf := 1 / zero
	ninf := -1 / zero
	nan := zero / zero
	fmt.Println(inf, ninf, nan)
	fmt.Println(nan == nan, nan != nan, inf > 1e308, ninf < -1e308)
	fmt.Println(-zero, 1/-zero)
	fmt.Printf("%v %.2f %e\n", inf, ninf, nan)
}
