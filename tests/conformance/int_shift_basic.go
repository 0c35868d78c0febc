package main

import "fmt"

func main() {
	var x int = 1
	for s := uint(0); s < 70; s += 7 {
		fmt.Println(s, x<<s, -x<<s)
	}
	var y int64 = -1024
	fmt.Println(y>>3, y>>63, y>>64, y>>100)
	var u uint64 = 1 << 63
	fmt.Println(u>>63, u>>64, u<<1)
}
