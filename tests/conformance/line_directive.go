package main

import "runtime"

func where() (string, int) {
	_, file, line, _ := runtime.Caller(1)
	return file, line
}

//line generated.go:100
func main() {
	f, l := where()
	println(f, l)
	g := func() int {
		_, _, line, _ := runtime.Caller(0)
		return line
	}
	println(g())
//line :500
	_, l = where()
	println(l)
	var a []int
	_ = a[5]
}
