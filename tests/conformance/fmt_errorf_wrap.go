package main

import (
	"errors"
	"fmt"
)

var ErrBase = errors.New("base")

func main() {
	e1 := fmt.Errorf("layer1: %w", ErrBase)
	e2 := fmt.Errorf("layer2: %w", e1)
	fmt.Println(e2)
	fmt.Println(errors.Is(e2, ErrBase), errors.Unwrap(e2) == e1, errors.Unwrap(errors.Unwrap(e2)) == ErrBase)
	e3 := fmt.Errorf("no wrap: %v", ErrBase)
	fmt.Println(e3, errors.Is(e3, ErrBase), errors.Unwrap(e3) == nil)
	fmt.Println(errors.Unwrap(ErrBase) == nil)
}
