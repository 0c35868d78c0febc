package main

import "fmt"

func grade(n int) string {
	switch {
	case n >= 90:
		return "A"
	case n >= 80:
		return "B"
	default:
		return "C"
	}
}

func main() {
	for _, n := range []int{95, 85, 10} {
		fmt.Print(grade(n), " ")
	}
	fmt.Println()
	for i := 0; i < 6; i++ {
		switch i {
		case 0:
			fmt.Print("zero ")
		case 1, 2:
			fmt.Print("small ")
			fallthrough
		case 3:
			fmt.Print("three-ish ")
		case 4:
			break
		default:
			fmt.Print("big ")
		}
	}
	fmt.Println()
	switch x := 5; x * 2 {
	case 10:
		fmt.Println("ten")
	}
}
