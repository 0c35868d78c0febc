package main

import "fmt"

func main() {
	fmt.Println(fmt.Sprint("a", "b", 1, 2, "c", 3.5, true))
	fmt.Println(fmt.Sprint(1, 2, 3))
	fmt.Println(fmt.Sprintln("x", 1) + "|")
	fmt.Print("p", 1, 2, "q\n")
	s := fmt.Sprintf("%3d|%-3d|", 1, 2)
	fmt.Println(s, len(s))
	var e error
	fmt.Println(e, nil, []interface{}{nil, 1})
}
