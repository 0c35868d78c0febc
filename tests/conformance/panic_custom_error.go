package main

import (
	"errors"
	"fmt"
)

func main() {
	defer fmt.Println("deferred print runs first")
	panic(errors.New("custom error value"))
}
