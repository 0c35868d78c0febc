package main

import "fmt"

func main() {
	s := "日本"
	for i := 0; i < len(s); i++ {
		fmt.Printf("%d:%x ", i, s[i])
	}
	fmt.Println()
	var b byte = s[0]
	fmt.Println(b, s[1:2] == "\x97")
	fmt.Printf("%q %+q %x % x\n", s, s, s, s)
}
