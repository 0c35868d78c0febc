package main

func main() {
	var s []int
	var m map[int]int
	var e error
	var i interface{}
	var p *int
	var c chan int
	print(s, "\n")
	println(s, []string(nil))
	println(e, i, p, c, m)
	t := make([]int, 0)
	println(len(t), cap(t), t == nil, s == nil)
}
