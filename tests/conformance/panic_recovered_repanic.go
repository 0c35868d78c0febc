// A deferred call recovers a panic and panics again: Go prints the chain with " [recovered]".
package main

import (
	"errors"
	"fmt"
)

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		panic(fmt.Sprint("again: ", r))
	}()
	panic(errors.New("boom"))
}
