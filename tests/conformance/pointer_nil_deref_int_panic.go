package main

import "fmt"

func main() {
	var p *int
	defer fmt.Println("deferred runs")
	*p = 1
}
