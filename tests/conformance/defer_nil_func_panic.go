package main

func main() {
	var f func(int, string)
	defer f(1, "a")
	println("after")
}
