package main

import (
	"errors"
	"fmt"
	"io"

)

type T struct{}

func (T) M(int)                    {}
func (T) Read(p []byte) (int, error) { return 0, io.EOF }
func (T) V(xs ...int) int           { return len(xs) }

type E struct{ T }

func main() {
	var i interface{} = T{}
	_, a := i.(interface{ M(string) })
	_, b := i.(interface{ M(int) })
	_, c := i.(io.Reader)
	_, d := i.(interface{ Read([]byte) (int, error) })
	_, e := i.(interface{ Read([]uint8) (n int, err error) })
	_, f := i.(interface{ V([]int) int })
	_, g := i.(interface{ V(...int) int })
	_, h := interface{}(E{}).(interface{ io.Reader; M(int) })
	fmt.Println(a, b, c, d, e, f, g, h)
	var r io.Reader = T{}
	_, ok := r.(io.Writer)
	fmt.Println(ok, errors.New("x").Error())
	defer func() { fmt.Println(recover()) }()
	_ = i.(interface{ M(string) })
}
