package main

import "fmt"

func main() {
	s := "hello"
	t := s + ", " + "world"
	fmt.Println(t, len(t), t[0], t[len(t)-1])
	fmt.Println(s == "hello", s < "help", s > "hell", "" < "a")
	u := t[7:]
	fmt.Println(u, t[:5], t[3:8], len(t[3:3]))
	s += "!"
	fmt.Println(s)
	var empty string
	fmt.Println(empty == "", len(empty))
}
