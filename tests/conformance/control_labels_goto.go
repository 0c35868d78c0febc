package main

import "fmt"

func main() {
	count := 0
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			switch {
			case j > i:
				continue outer
			case i == 4:
				break outer
			}
			count++
		}
	}
	fmt.Println(count)
	i := 0
loop:
	if i < 3 {
		fmt.Print(i)
		i++
		goto loop
	}
	fmt.Println()
	sel := make(chan int, 1)
	sel <- 1
L:
	for {
		select {
		case <-sel:
			fmt.Println("got")
		default:
			break L
		}
	}
}
