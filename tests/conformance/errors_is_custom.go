package main

import (
	"errors"
	"fmt"
)

type Code int

func (c Code) Error() string { return fmt.Sprint("code ", int(c)) }

type MyErr struct{ code int }

func (e MyErr) Error() string          { return "myerr" }
func (e MyErr) Is(target error) bool    { t, ok := target.(MyErr); return ok && t.code/100 == e.code/100 }

type Wrapper struct{ inner error }

func (w Wrapper) Error() string { return "w(" + w.inner.Error() + ")" }
func (w Wrapper) Unwrap() error { return w.inner }

func main() {
	e := Wrapper{Wrapper{Code(404)}}
	fmt.Println(e, errors.Is(e, Code(404)), errors.Is(e, Code(500)))
	m := Wrapper{MyErr{404}}
	fmt.Println(errors.Is(m, MyErr{401}), errors.Is(m, MyErr{500}))
	fmt.Println(errors.New("a") == errors.New("a"))
}
