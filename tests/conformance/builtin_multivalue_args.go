package main

import "fmt"

func two() ([]int, []int)              { return make([]int, 2), []int{1, 2, 3} }
func kv() (map[string]int, string)     { return map[string]int{"a": 1, "b": 2}, "a" }
func f() (int, string)                 { return 1, "x" }
func sv() ([]int, int)                 { return []int{1}, 2 }
func bs() ([]byte, string)             { return make([]byte, 3), "hey" }
func none()                            {}

func main() {
	println(copy(two()))
	m, _ := kv()
	delete(kv())
	println(len(m))
	print(f())
	println()
	println(f())
	fmt.Println(append(sv()))
	b, _ := bs()
	n := copy(bs())
	fmt.Println(n, string(b))
	fmt.Println(f())
}
