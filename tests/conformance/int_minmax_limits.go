package main

import "fmt"

func main() {
	fmt.Println(int8(-128), int8(127), uint8(255))
	fmt.Println(int16(-32768), int16(32767), uint16(65535))
	fmt.Println(int32(-2147483648), int32(2147483647), uint32(4294967295))
	fmt.Println(int64(-9223372036854775808), int64(9223372036854775807), uint64(18446744073709551615))
	fmt.Printf("%x %X %o %b\n", uint64(18446744073709551615), 3054, 8, -5)
}
