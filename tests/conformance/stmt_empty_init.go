package main

func main() {
	if ; true {
		println("a")
	}
	switch ; {
	case true:
		println("b")
	}
	switch x := 2; {
	case x > 1:
		println("c")
	}
}
