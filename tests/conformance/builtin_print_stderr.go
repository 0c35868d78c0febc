package main

func main() {
	print("hello ", 42, " ", true, "\n")
	println("a", 1, -7, false)
	println()
}
