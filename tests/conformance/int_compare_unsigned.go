package main

import "fmt"

func main() {
	var a uint32 = 0x80000000
	var b uint32 = 1
	fmt.Println(a > b, int32(a) > int32(b))
	var c uint64 = 1 << 63
	fmt.Println(c > 1, int64(c) < 0)
	var d uint8 = 200
	var e uint8 = 100
	fmt.Println(d > e, int8(d) < int8(e), d-e, e-d)
}
