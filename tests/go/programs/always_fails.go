// always_fails.go: a program that fails whatever the schedule; p9rt explore
// reports it on its first run instead of searching.
package main

import "fmt"

func main() {
	var m map[string]int
	m["x"] = 1
	fmt.Println("unreachable")
}
