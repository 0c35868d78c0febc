package main

import "fmt"

func main() {
	s := "aé世\U0001F600z"
	for i, r := range s {
		fmt.Println(i, r, string(r), len(string(r)))
	}
	fmt.Println(len(s), len([]rune(s)))
	bad := "a\xffb\xc0"
	for i, r := range bad {
		fmt.Println(i, r)
	}
}
