package main

import (
	"fmt"
	"runtime"
)

func where() string {
	_, file, line, _ := runtime.Caller(1)
	return fmt.Sprintf("%s:%d", file, line)
}

// The forms of line directives: //line with and without a column, an
// empty file name (kept with a column, empty without one), and the block
// comment form, which applies right after the comment.
func main() {
//line a.go:10:5
	fmt.Println(where())
//line :20:1
	fmt.Println(where())
	/*line b.go:30*/ fmt.Println(where())
	fmt.Println(where())
	x := where(); /*line c.go:40:2*/ y := where()
	fmt.Println(x, y)
//line d.go:50
	fmt.Println(where())
//line :60
	fmt.Println(where())
}
