package main

import "fmt"

func main() {
	a, b := 0b1100, 0b1010
	fmt.Println(a&b, a|b, a^b, a&^b, ^a)
	var u uint8 = 0xf0
	fmt.Println(u&^0x30, ^u, u|0x0f, u^0xff)
	x := int32(-1)
	fmt.Println(uint32(x), uint16(x), int8(x&0x7f))
}
