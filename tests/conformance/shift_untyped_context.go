package main

import "fmt"

func main() {
	n := 3
	var u8 uint8 = 1<<n + 250
	var i8 int8 = -1 << n
	var u64 uint64 = 1<<63 | 1<<n
	var u32 uint32 = 0xffffffff << n
	fmt.Println(u8, i8, u64, u32)
	fmt.Println(1<<n, ^(1 << n), -(1 << n))
	x := 1 << n
	var y int64 = 5
	y += 1 << n
	fmt.Printf("%T %T %v\n", x, y, y)
	b := byte(3)
	b = b&1<<n | 1<<n
	fmt.Println(b, 1<<n == 8, uint16(1<<n), int8(1)<<n)
	s := []int{1, 2, 3, 4, 5, 6, 7, 8, 9}
	fmt.Println(s[1<<1:], len(s) > 1<<n)
	var r rune = 'a' << n
	fmt.Println(r, 'a'<<n)
	var z uint = 1 << (n + 61)
	fmt.Println(z, uint8(255)<<n, 2<<n)
	m := map[uint8]int{1 << 2: 1}
	m[1<<n] = 2
	fmt.Println(len(m), m[8])
}
