package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Name string }

func (e *NotFound) Error() string { return e.Name + " not found" }

type Temporary interface{ Temporary() bool }

type TempErr struct{}

func (TempErr) Error() string   { return "temp" }
func (TempErr) Temporary() bool { return true }

func find(n string) error {
	return fmt.Errorf("find: %w", &NotFound{n})
}

func main() {
	err := find("cfg")
	var nf *NotFound
	if errors.As(err, &nf) {
		fmt.Println("as:", nf.Name, nf)
	}
	var te TempErr
	fmt.Println(errors.As(err, &te))
	var tmp Temporary
	err2 := fmt.Errorf("wrap: %w", TempErr{})
	fmt.Println(errors.As(err2, &tmp), tmp != nil && tmp.Temporary())
	fmt.Println(errors.Is(nil, nil), errors.Is(err, nil))
}
