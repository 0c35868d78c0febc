package main

import "fmt"

func main() {
	fmt.Println(int8(-5), int16(-300), int32(-70000), int64(-1<<40), uint8(200), uint16(60000), uint32(4e9), uint64(1<<63))
	fmt.Printf("%d %x %o %b %c\n", int8(-1), int8(-1), uint8(8), int16(-2), 0x263A)
	fmt.Printf("%v %v\n", []byte("AB"), []rune("AB"))
	fmt.Printf("%08.3f|%x|%X\n", 3.14159, -255, uint8(171))
	fmt.Printf("%5t|%-7t|\n", true, false)
}
