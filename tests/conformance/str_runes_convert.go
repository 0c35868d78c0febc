package main

import "fmt"

func main() {
	rs := []rune("héllo, 世界")
	fmt.Println(len(rs), rs[1], string(rs[7:]))
	rs[0] = 'H'
	fmt.Println(string(rs))
	fmt.Println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)), string(rune(0x110000)))
	b := []byte("héllo")
	fmt.Println(b, len(b), string(b[1:3]))
	b[0] = 'J'
	fmt.Println(string(b))
}
