package main

import "fmt"

func main() {
	x := 300
	fmt.Println(int8(x), uint8(x), int16(x*200), uint16(x*300))
	y := -1
	fmt.Println(uint8(y), uint16(y), uint32(y), uint64(y), uint(y))
	z := uint64(1<<63 + 5)
	fmt.Println(int64(z), int32(z), int(z))
	var b byte = 'A'
	var r rune = 0x10FFFF
	fmt.Println(b, r, int8(r), uint16(r))
}
