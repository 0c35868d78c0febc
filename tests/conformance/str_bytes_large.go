package main

import "fmt"

func main() {
	b := make([]byte, 0)
	for i := 0; i < 10000; i++ {
		b = append(b, byte('a'+i%26))
	}
	s := string(b)
	cnt := 0
	for _, r := range s {
		if r == 'z' {
			cnt++
		}
	}
	fmt.Println(len(s), cnt, s[9998:])
}
