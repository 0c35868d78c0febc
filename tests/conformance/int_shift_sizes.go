package main

import "fmt"

func main() {
	var a int8 = 1
	var b uint8 = 0x81
	var c int16 = -2
	var d uint32 = 0xdeadbeef
	for _, s := range []uint{0, 1, 4, 7, 8, 9, 15, 16, 31, 32, 33} {
		fmt.Println(s, a<<s, b<<s, b>>s, c<<s, c>>s, d<<s, d>>s)
	}
}
