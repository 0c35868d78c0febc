package main

import "fmt"

type Reader interface{ Read() string }
type Closer interface{ Close() error }
type ReadCloser interface {
	Reader
	Closer
}

type F struct{ closed bool }

func (f *F) Read() string  { return "data" }
func (f *F) Close() error { f.closed = true; return nil }

func use(rc ReadCloser) {
	fmt.Println(rc.Read())
	var c Closer = rc
	fmt.Println(c.Close())
}

func main() {
	f := &F{}
	use(f)
	fmt.Println(f.closed)
	var r Reader = f
	_, ok := r.(ReadCloser)
	fmt.Println(ok)
}
