package main

import "fmt"

func main() {
	b := []byte("abc")
	s := string(b)
	b[0] = 'x'
	fmt.Println(s, string(b))
	t := s
	t += "d"
	fmt.Println(s, t)
	bs := []byte(s)
	bs = append(bs, "tail"...)
	fmt.Println(string(bs), s)
	n := copy(bs, "XY")
	fmt.Println(n, string(bs))
}
