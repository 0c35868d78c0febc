package main

import "fmt"

func main() {
	r := 'a'
	r += 2
	fmt.Println(r, string(r), 'z'-'a', '世')
	fmt.Printf("%c %U %q %d %x\n", r, '世', 'é', '\n', '\t')
	var b byte = 'A' + 25
	fmt.Println(b, string(rune(b)))
	for c := 'a'; c < 'f'; c++ {
		fmt.Print(string(c))
	}
	fmt.Println()
}
